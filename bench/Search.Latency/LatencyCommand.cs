using System.CommandLine;
using Search.Bench;
using Search.Core.Querying;

namespace Search.Latency;

/// <summary>The command line: <c>--corpus dir --queries file.tsv [--index dir] [--warmup-seconds 10] [--warmup 1] [--repeats 3] [--clients 2] [--lucene file] [--json file]</c>.</summary>
internal static class LatencyCommand
{
    private const int Success = 0;
    private const int BadArguments = 1;
    private const int IndexFailed = 2;

    public static RootCommand Create()
    {
        var corpus = BenchIndex.CorpusOption();
        var queries = new Option<string>("--queries", "-q")
        {
            Description = "The peers' query file: one query per line, optionally <TAB>YYYY-MM (the Q4 month)",
            DefaultValueFactory = _ => "../shared/peers/queries/de-news.tsv",
        };
        var index = BenchIndex.IndexOption("search-latency-index");
        // The peers warm up once per mode; with tiered JIT the first mode (Q1) may still be tiering up during its timed passes.
        var warmups = new Option<int>("--warmup") { Description = "Untimed passes per mode before the timed ones", DefaultValueFactory = _ => 1 };
        var warmUpSeconds = new Option<double>("--warmup-seconds")
        {
            Description = "Seconds of ArticleSearcher.WarmUp after opening the index, as the API does at start (Search:WarmUpSeconds); 0 for none",
            DefaultValueFactory = _ => 10,
        };
        var repeats = new Option<int>("--repeats") { Description = "Timed passes per mode after one warm-up pass", DefaultValueFactory = _ => 3 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients for the Q3 throughput run", DefaultValueFactory = _ => 2 };
        var lucene = new Option<string?>("--lucene")
        {
            Description = "The peers' lucene-search.json (or results.json) to compare total hits with; skipped when missing",
            DefaultValueFactory = _ => "../shared/peers/results/de-news/results.json",
        };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var typos = new Option<bool>("--typos")
        {
            Description = "Typo-tolerant retry and did-you-mean for queries that find fewer than 3 articles, as the API does; false answers the words as typed, as the peers do",
            DefaultValueFactory = _ => true,
        };

        var keystrokes = new Option<bool>("--keystrokes")
        {
            Description = "Instead of the searches: 8 completions (/api/suggest) for every text typed on the way to each query, p50/p95/p99 over all, the same within the query's month",
        };

        var set = new Option<string[]>("--set", "-s") { Description = "Rank by a variant of the weights: Name=value, a property of RankingWeights; repeat for more", DefaultValueFactory = _ => [] };

        var command = new RootCommand("Query latency of our engine on the peers' workload (Q1-Q4, p50/p95/p99, Q3 throughput), in-process.")
        {
            corpus, queries, index, warmUpSeconds, warmups, repeats, clients, lucene, json, typos, set, keystrokes,
        };
        command.SetAction(parsed => Run(new LatencySettings(
            parsed.GetRequiredValue(corpus),
            parsed.GetRequiredValue(queries),
            parsed.GetRequiredValue(index),
            parsed.GetValue(warmUpSeconds),
            parsed.GetValue(warmups),
            parsed.GetValue(repeats),
            parsed.GetValue(clients),
            parsed.GetValue(lucene),
            parsed.GetValue(json),
            parsed.GetValue(typos))
        {
            Weights = parsed.GetRequiredValue(set),
            Keystrokes = parsed.GetValue(keystrokes),
        }));
        return command;
    }

    private static int Run(LatencySettings settings)
    {
        var missing = settings.Corpus.Append(settings.QueryFile).Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
        if (missing.Count > 0 || settings.Warmups < 1 || settings.Repeats < 1 || settings.Clients < 1 || !(settings.WarmUpSeconds >= 0))
        {
            Console.Error.WriteLine(missing.Count > 0 ? $"Error: not found: {string.Join(", ", missing)}" : "Error: --warmup, --repeats and --clients must be at least 1, --warmup-seconds at least 0.");
            return BadArguments;
        }

        if (WeightSettings.TryApply(settings.Weights) is not { } weights)
        {
            return BadArguments;
        }

        if (!BenchIndex.Build(settings.Corpus, settings.IndexPath))
        {
            return IndexFailed;
        }

        var queryList = PeerQueryFile.Read(settings.QueryFile);
        using var searcher = ArticleSearcher.Open(settings.IndexPath, weights);
        var warmUp = searcher.WarmUp(TimeSpan.FromSeconds(settings.WarmUpSeconds));
        Console.Error.WriteLine($"Warmed up with {warmUp.Searches} searches in {warmUp.Elapsed.TotalSeconds:F1} s{(warmUp.Settled ? " (JIT settled)" : string.Empty)}");
        if (settings.Keystrokes)
        {
            var typing = new KeystrokeRunner(searcher, queryList);
            var completions = searcher.Completions;
            Console.WriteLine($"Completion words: {completions.Words:N0} (each in {completions.MinArticles}+ articles), {completions.Bytes / 1048576.0:F1} MiB, built in {completions.BuildTime.TotalSeconds:F2} s; {searcher.Count:N0} articles");
            foreach (var (name, months) in new[] { ("all months", (IReadOnlyList<string>?)null), ("month 2020-11", ["2020-11"]) })
            {
                var (latency, slowest) = typing.Measure(settings.Warmups, settings.Repeats, months);
                Console.WriteLine($"Suggest, {name}: {latency.N:N0} calls ({typing.Texts.Count:N0} texts × {settings.Repeats}), p50 {latency.P50Ms:F3} ms, p95 {latency.P95Ms:F3}, p99 {latency.P99Ms:F3}, mean {latency.MeanMs:F3}, max {latency.MaxMs:F2}; slowest: " +
                    string.Join(", ", slowest.Select(text => $"'{text.Text}' {text.MedianMs:F2}")));
            }

            return Success;
        }

        var runner = new LatencyRunner(searcher, queryList, settings.Typos);
        var modes = new List<ModeResult>();
        foreach (var mode in Enum.GetValues<QueryMode>())
        {
            modes.Add(runner.Measure(mode, settings.Warmups, settings.Repeats));
            Console.Error.WriteLine($"{mode}: p50 {modes[^1].Latency.P50Ms:F2} ms, p99 {modes[^1].Latency.P99Ms:F2} ms, {modes[^1].Errors.Count} errors; slowest: " +
                string.Join(", ", modes[^1].Slowest.Select(query => $"'{query.Query}' {query.MedianMs:F2}")));
        }

        var perSecond = runner.Throughput(settings.Clients);
        var (same, compared) = settings.LuceneFile is { } file && File.Exists(file)
            ? LuceneTotals.Compare(queryList, runner.Totals, LuceneTotals.Read(file))
            : ((int?)null, 0);
        var hits = queryList.Select((query, i) => new QueryTotal(query.Text, query.Month, runner.Totals[i])).ToList();
        var report = new LatencyReport(settings.Typos ? "ours (Lucene.Net 4.8)" : "ours, typo retry off (Lucene.Net 4.8)", searcher.Count, warmUp.Searches, warmUp.Elapsed.TotalSeconds, settings.Warmups, settings.Repeats, modes, settings.Clients, perSecond, hits, same, compared);

        Console.Write(ResultTable.Format(report));
        if (settings.JsonFile is not null)
        {
            ReportFile.Write(settings.JsonFile, report);
            Console.Error.WriteLine($"Wrote {settings.JsonFile}");
        }

        return Success;
    }
}
