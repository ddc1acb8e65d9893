using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Search.Benchmarks;

// ShortRun (1 launch, 3 warm-up and 3 measured iterations) keeps the whole suite to a few minutes. A job on the command
// line (--job medium) replaces it; BenchmarkDotNet would otherwise prefer the config's default job over --job.
var asksForJob = args.Any(arg => arg is "--job" or "-j" || arg.StartsWith("--job=", StringComparison.Ordinal));
var config = asksForJob ? DefaultConfig.Instance : DefaultConfig.Instance.AddJob(Job.ShortRun.AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

// Each benchmark case runs in its own process and reuses the index the first one built; drop it once all are done.
BenchmarkIndex.Delete();
