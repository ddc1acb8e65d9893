using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;

namespace Search.CorpusGenerator;

/// <summary>The generator's command line: <c>--source dir --count N --seed S --out file.jsonl.gz [--from-year --to-year --shards]</c>.</summary>
internal static class GenerateCommand
{
    private const string Usage =
        "Usage: dotnet run -c Release --project bench/Search.CorpusGenerator -- --source ../shared/corpus --count 1000000 --seed 42 --out /tmp/gen/gen-1m.jsonl.gz";

    public static RootCommand Create()
    {
        var source = new Option<string>("--source")
        {
            Description = "The real corpus to recombine: a .jsonl or .jsonl.gz file, or a folder of them",
            DefaultValueFactory = _ => "../shared/corpus",
        };
        var count = new Option<int>("--count", "-n") { Description = "How many articles to write", Required = true };
        count.Validators.Add(result => RequireAtLeast(result, count, 1));
        var seed = new Option<int>("--seed") { Description = "The same seed and arguments give byte-identical output", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out", "-o") { Description = "The output file, ending in .jsonl or .jsonl.gz (gzip'ed)", Required = true };
        output.Validators.Add(result =>
        {
            if (!OutputShard.HasSupportedExtension(result.GetValueOrDefault<string>()))
            {
                result.AddError($"--out '{result.GetValueOrDefault<string>()}' must end in {OutputShard.PlainExtension} or {OutputShard.GzipExtension}.");
            }
        });
        var fromYear = new Option<int>("--from-year") { Description = "The first year of publication dates", DefaultValueFactory = _ => 2000 };
        fromYear.Validators.Add(result => RequireAtLeast(result, fromYear, 1));
        var toYear = new Option<int>("--to-year") { Description = "The last year of publication dates", DefaultValueFactory = _ => 2025 };
        toYear.Validators.Add(result => RequireAtLeast(result, toYear, 1));
        var shards = new Option<int>("--shards")
        {
            Description = "Write this many files, in parallel, into a folder named after --out (gen.jsonl.gz → gen/gen-000.jsonl.gz, …)",
            DefaultValueFactory = _ => 1,
        };
        shards.Validators.Add(result => RequireAtLeast(result, shards, 1));

        var command = new RootCommand("Writes synthetic German news articles (JSON Lines) recombined from the sentences of a real corpus. Same seed, same output.")
        {
            source, count, seed, output, fromYear, toYear, shards,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(fromYear) > result.GetValue(toYear) || result.GetValue(toYear) > 9999)
            {
                result.AddError($"--from-year {result.GetValue(fromYear)} and --to-year {result.GetValue(toYear)} must be an ascending range of years up to 9999.");
            }

            if (result.GetValue(shards) > result.GetValue(count))
            {
                result.AddError($"--shards {result.GetValue(shards)} is more than --count {result.GetValue(count)}.");
            }
        });
        command.SetAction(parsed => Run(new GeneratorSettings(
            parsed.GetRequiredValue(source),
            parsed.GetValue(count),
            parsed.GetValue(seed),
            parsed.GetRequiredValue(output),
            parsed.GetValue(fromYear),
            parsed.GetValue(toYear),
            parsed.GetValue(shards))));
        return command;
    }

    private static int Run(GeneratorSettings settings)
    {
        if (!File.Exists(settings.Source) && !Directory.Exists(settings.Source))
        {
            Console.Error.WriteLine($"Error: --source '{settings.Source}' does not exist. Pass a {string.Join(" or ", SourceCorpus.SupportedExtensions)} file or a folder of them.");
            Console.Error.WriteLine(Usage);
            return ExitCodes.BadArguments;
        }

        var stopwatch = Stopwatch.StartNew();
        var files = SourceCorpus.FindFiles(settings.Source);
        var builder = new SentencePoolBuilder();
        var read = SourceCorpus.Load(files, builder);
        var pool = builder.Build();
        Console.WriteLine($"Read {read.Read:N0} articles from {files.Count} file(s) in {settings.Source} ({stopwatch.Elapsed.TotalSeconds:F1} s): "
            + $"{pool.ArticleCount:N0} usable, {pool.SentenceCount:N0} sentences ({pool.TextBytes / 1e6:N0} MB), "
            + $"{builder.SkippedSentences:N0} fragments skipped, {read.Unusable:N0} articles unusable.");
        if (pool.ArticleCount == 0)
        {
            Console.Error.WriteLine($"Error: no article in '{settings.Source}' has a usable title and sentence. Nothing was written.");
            return ExitCodes.NothingUsable;
        }

        var composer = new ArticleComposer(pool, settings.Seed, new DateSampler(settings.FromYear, settings.ToYear, growth: 3.0));
        var plan = OutputShard.Plan(settings.Output, settings.Count, settings.Shards);
        Console.WriteLine($"Writing {settings.Count:N0} articles ({settings.FromYear}–{settings.ToYear}, seed {settings.Seed}) to "
            + (plan.Count == 1 ? plan[0].Path : $"{plan.Count} files in {Path.GetDirectoryName(plan[0].Path)}")
            + $"; the most popular topic backs {composer.HeadTopicShare:P2} of them.");

        var generation = Stopwatch.StartNew();
        var progress = new ProgressReporter(settings.Count, generation);
        var bytes = new long[plan.Count];
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            shard => bytes[shard] = ShardWriter.Write(plan[shard], composer, progress.Add));

        var seconds = generation.Elapsed.TotalSeconds;
        var onDisk = plan.Sum(shard => new FileInfo(shard.Path).Length);
        Console.WriteLine($"Wrote {settings.Count:N0} articles in {seconds:F1} s ({settings.Count / seconds:N0} articles/s): "
            + $"{bytes.Sum() / 1e6:N0} MB of JSON, {onDisk / 1e6:N0} MB on disk.");
        return ExitCodes.Success;
    }

    private static void RequireAtLeast(OptionResult result, Option<int> option, int minimum)
    {
        if (result.GetValueOrDefault<int>() < minimum)
        {
            result.AddError($"{option.Name} {result.GetValueOrDefault<int>()} must be at least {minimum}.");
        }
    }
}
