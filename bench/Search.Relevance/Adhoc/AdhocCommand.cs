using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Bench;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Relevance.Adhoc;

/// <summary>The <c>adhoc</c> command: our engine (in process) and the peers' run files scored on graded topics.</summary>
internal static class AdhocCommand
{
    private const int Success = 0;
    private const int BadArguments = 1;
    private const int IndexFailed = 2;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Option<string[]> corpus)
    {
        var index = BenchIndex.IndexOption("search-relevance-index");
        var topics = new Option<string[]>("--topics", "-t") { Description = "Topics: TSV lines 'id<TAB>query<TAB>description'; repeat for more files, scored as one set (ids must differ)", Required = true };
        var qrels = new Option<string[]>("--qrels", "-j") { Description = "Graded judgments: TSV lines 'topic<TAB>article<TAB>grade' (0, 1, 2); repeat for more files", Required = true };
        var runs = new Option<string[]>("--runs", "-r") { Description = "Other runs to score beside ours: JSON Lines files of run-relevance.sh, or folders of them; files of the same name (one per topic set) make one run", DefaultValueFactory = _ => [] };
        var baseline = new Option<string?>("--baseline", "-b") { Description = "The run every difference is taken against (default: the best run other than ours)" };
        var name = new Option<string>("--name", "-n") { Description = "Our run's name in the tables", DefaultValueFactory = _ => "ours" };
        var write = new Option<string?>("--write", "-w") { Description = "Write our top 10s to this file, in the peers' format (for make_pool.py and score.py)" };
        var kinds = new Option<string[]>("--kinds", "-k") { Description = "TSV lines 'topic<TAB>kind': adds mean nDCG@10 per kind; repeat for more files", DefaultValueFactory = _ => [] };
        var perTopic = new Option<bool>("--per-topic") { Description = "Also print every run's nDCG@10 on every topic" };
        var noOurs = new Option<bool>("--no-ours") { Description = "Score the run files only (no index is built or searched)" };
        var set = new Option<string[]>("--set", "-s") { Description = "Rank by a variant of the weights: Name=value, a property of RankingWeights; repeat for more", DefaultValueFactory = _ => [] };

        var command = new Command("adhoc", "Ad-hoc relevance: nDCG@10, P@10 and unjudged articles of our engine beside other runs on graded topics, with bootstrap intervals.")
        {
            corpus, index, topics, qrels, runs, baseline, name, write, kinds, perTopic, noOurs, set,
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(corpus), parsed.GetRequiredValue(index), parsed.GetRequiredValue(topics), parsed.GetRequiredValue(qrels),
            parsed.GetRequiredValue(runs), parsed.GetValue(baseline), parsed.GetRequiredValue(name), parsed.GetValue(write), parsed.GetRequiredValue(kinds),
            parsed.GetValue(perTopic), parsed.GetValue(noOurs), parsed.GetRequiredValue(set)));
        return command;
    }

    private static int Run(string[] corpus, string indexPath, string[] topicsPaths, string[] qrelsPaths, string[] runPaths, string? baselineName,
        string ourName, string? writePath, string[] kindsPaths, bool perTopic, bool noOurs, string[] settings)
    {
        var runFiles = RunFile.Expand(runPaths);
        var missing = topicsPaths.Concat(qrelsPaths).Concat(runFiles).Concat(kindsPaths)
            .Concat(noOurs ? [] : corpus).Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"Error: not found: {string.Join(", ", missing)}");
            return BadArguments;
        }

        IReadOnlyList<Topic> topics;
        Judgments judgments;
        List<RankedRun> ranked;
        Dictionary<string, string> kinds;
        RankingWeights weights;
        try
        {
            weights = WeightSettings.Apply(settings);
            topics = TopicFile.Read(topicsPaths);
            judgments = Judgments.Read(qrelsPaths);
            ranked = [.. runFiles.Select(RunFile.Read).GroupBy(run => run.Name).Select(RunFile.Merge)];
            kinds = KindFile.Read(kindsPaths);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return BadArguments;
        }

        var unjudgedTopics = topics.Where(topic => !judgments.Has(topic.Id)).Select(topic => topic.Id).ToList();
        if (unjudgedTopics.Count > 0)
        {
            // Runs are still written (to pool and judge them); the tables leave these topics out, as score.py does.
            Console.Error.WriteLine($"Warning: no judgments for {string.Join(", ", unjudgedTopics)} in {string.Join(", ", qrelsPaths)}; they are left out of the tables until judged (JUDGING.md).");
        }

        if (!noOurs)
        {
            if (!BenchIndex.Build(corpus, indexPath))
            {
                return IndexFailed;
            }

            using var searcher = ArticleSearcher.Open(indexPath, weights);
            var ours = AdhocRunner.Run(searcher, topics, ourName);
            ranked.Insert(0, ours);
            if (writePath is not null)
            {
                File.WriteAllLines(writePath, topics.Select(topic => JsonSerializer.Serialize(
                    new { expected = topic.Id, query = topic.Query, top = ours.Top[topic.Id].Take(AdhocMetrics.Depth) }, Json)));
                Console.Error.WriteLine($"Wrote {writePath}");
            }
        }

        if (ranked.Count == 0)
        {
            Console.Error.WriteLine("Error: nothing to score: give --runs, or leave out --no-ours.");
            return BadArguments;
        }

        var twice = ranked.GroupBy(run => run.Name).FirstOrDefault(group => group.Count() > 1);
        if (twice is not null)
        {
            Console.Error.WriteLine($"Error: two runs are named '{twice.Key}'; rename a file or use --name.");
            return BadArguments;
        }

        var judged = topics.Where(topic => judgments.Has(topic.Id)).ToList();
        if (judged.Count == 0)
        {
            Console.Error.WriteLine("No topic has judgments: nothing to score.");
            return writePath is null ? BadArguments : Success;
        }

        if (topicsPaths.Length > 1)
        {
            // Pooled over several sets, a run of some sets only (ours at an older commit) would score 0 on the others.
            var partial = ranked.Where(run => judged.Any(topic => !run.Top.ContainsKey(topic.Id))).ToList();
            foreach (var run in partial)
            {
                Console.Error.WriteLine($"Note: run '{run.Name}' answers {judged.Count(topic => run.Top.ContainsKey(topic.Id))} of the {judged.Count} judged topics; it is left out of the pooled tables.");
            }

            ranked = [.. ranked.Except(partial)];
        }

        var scores = ranked.Select(run => RunScores.Of(run, judged, judgments)).ToList();
        var baseline = baselineName is null
            ? scores.Skip(noOurs ? 0 : 1).DefaultIfEmpty(scores[0]).MaxBy(run => run.Ndcg)!
            : scores.FirstOrDefault(run => run.Name == baselineName);
        if (baseline is null)
        {
            Console.Error.WriteLine($"Error: --baseline '{baselineName}' is none of the runs: {string.Join(", ", scores.Select(run => run.Name))}.");
            return BadArguments;
        }

        Console.WriteLine(AdhocReport.Summary(string.Join(" + ", topicsPaths.Select(TopicSetName)), judged, judgments, scores, baseline));
        if (kinds.Count > 0)
        {
            Console.WriteLine(AdhocReport.PerKind(judged, kinds, scores));
        }

        if (perTopic)
        {
            Console.WriteLine(AdhocReport.PerTopic(judged, scores));
        }

        return Success;
    }

    private static string TopicSetName(string path) =>
        Path.GetFileName(path) is var name && name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : Path.GetFileName(path);
}
