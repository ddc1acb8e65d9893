using BenchmarkDotNet.Running;
using Search.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Each benchmark case runs in its own process and reuses the index the first one built; drop it once all are done.
BenchmarkIndex.Delete();
