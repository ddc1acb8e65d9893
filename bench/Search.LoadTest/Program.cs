using Search.LoadTest;

return await LoadCommand.Create().Parse(args).InvokeAsync();
