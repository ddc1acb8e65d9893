using Search.Indexer;

return IndexCommand.Create().Parse(args).Invoke();
