using Search.Relevance;

return RelevanceCommand.Create().Parse(args).Invoke();
