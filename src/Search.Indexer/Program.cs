using Search.Indexer;

return await IndexCommand.Create().Parse(args).InvokeAsync();
