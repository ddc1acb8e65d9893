using Search.Latency;

return LatencyCommand.Create().Parse(args).Invoke();
