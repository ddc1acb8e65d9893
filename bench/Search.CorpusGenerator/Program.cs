using Search.CorpusGenerator;

return GenerateCommand.Create().Parse(args).Invoke();
