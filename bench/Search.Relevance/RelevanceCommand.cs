using System.CommandLine;
using Search.Bench;
using Search.Core.Querying;
using Search.Relevance.Adhoc;

namespace Search.Relevance;

/// <summary>The command line: <c>--corpus dir --queries file.tsv [--queries …] [--index dir] [--or] [--out dir]</c>.</summary>
internal static class RelevanceCommand
{
    private const int Success = 0;
    private const int BadArguments = 1;
    private const int IndexFailed = 2;

    public static RootCommand Create()
    {
        var corpus = BenchIndex.CorpusOption();
        var queries = new Option<string[]>("--queries", "-q")
        {
            Description = "Known-item query files: TSV lines 'expected_id<TAB>query[<TAB>anything]'; repeat for more",
            Required = true,
        };
        var index = BenchIndex.IndexOption("search-relevance-index");
        var useOr = new Option<bool>("--or") { Description = "Join the query words with OR (the peers' 'or' variant) instead of passing the text as is" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write <out>/<set>/ours-<and|or>.jsonl for peers/common/relevance.py" };
        var set = new Option<string[]>("--set", "-s") { Description = "Rank by a variant of the weights: Name=value, a property of RankingWeights; repeat for more", DefaultValueFactory = _ => [] };

        var command = new RootCommand("Known-item relevance: MRR@10, Recall@10 and zero-result queries of our engine, per query file.")
        {
            corpus, queries, index, useOr, output, set,
        };
        command.Subcommands.Add(GenerateCommand(corpus));
        command.Subcommands.Add(AdhocCommand.Create(corpus));
        command.SetAction(parsed => Run(new RelevanceSettings(
            parsed.GetRequiredValue(corpus),
            parsed.GetRequiredValue(queries),
            parsed.GetRequiredValue(index),
            parsed.GetValue(useOr),
            parsed.GetValue(output),
            parsed.GetRequiredValue(set))));
        return command;
    }

    private static Command GenerateCommand(Option<string[]> corpus)
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for known-items-<kind>-seed<N>.tsv", Required = true };
        var seed = new Option<int>("--seed") { Description = "Sampling seed; keep one seed's files aside as the held-out set", DefaultValueFactory = _ => 1 };
        var perKind = new Option<int>("--per-kind") { Description = "Queries per kind", DefaultValueFactory = _ => 300 };
        var generate = new Command("generate", "Writes known-item query files of five kinds (titles, body, inflection, compounds, body-hard) from a corpus.")
        {
            corpus, output, seed, perKind,
        };
        generate.SetAction(parsed =>
        {
            foreach (var line in KnownItemGenerator.Write(parsed.GetRequiredValue(corpus), parsed.GetRequiredValue(output), parsed.GetValue(seed), parsed.GetValue(perKind)))
            {
                Console.WriteLine(line);
            }

            return Success;
        });
        return generate;
    }

    private static int Run(RelevanceSettings settings)
    {
        var missing = settings.Corpus.Concat(settings.QueryFiles).Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"Error: not found: {string.Join(", ", missing)}");
            return BadArguments;
        }

        var sets = settings.QueryFiles.Select(path => (Name: KnownItemFile.SetName(path), Items: KnownItemFile.Read(path))).ToList();
        var twice = sets.GroupBy(set => set.Name).FirstOrDefault(group => group.Count() > 1);
        if (twice is not null)
        {
            Console.Error.WriteLine($"Error: two query files are named '{twice.Key}'; results go to <out>/<name>/, so rename one.");
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

        using var searcher = ArticleSearcher.Open(settings.IndexPath, weights);
        var runner = new KnownItemRunner(searcher);
        var scores = new List<SetScore>();
        foreach (var (name, items) in sets)
        {
            var outcomes = runner.Run(items, settings.UseOr);
            scores.Add(SetScore.From(name, settings.Variant, outcomes));
            if (settings.OutFolder is not null)
            {
                Console.Error.WriteLine($"Wrote {OutcomeFile.Write(settings.OutFolder, name, settings.Variant, outcomes)}");
            }
        }

        Console.Write(ScoreTable.Format(scores));
        return Success;
    }
}
