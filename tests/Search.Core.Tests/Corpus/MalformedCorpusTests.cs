using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Core.Tests.Corpus;

// Checks, for every kind of malformed input in MalformedCorpus (one import over all of them): the import does
// not crash; every good article is indexed and can be fetched by id; every bad input is reported exactly once
// with its file (and line, for JSON Lines) and nothing else is reported; ids repeated across files are listed.
public class MalformedCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryGoodArticleIsIndexedAndEveryBadInputIsReportedWithFileAndLine()
    {
        var root = TestCorpus.CreateTempFolder("malformed");
        var kinds = MalformedCorpus.Create(root);
        var index = TestCorpus.CreateTempFolder("malformed-index");

        var summary = CorpusImporter.Import([root], index);

        using var searcher = ArticleSearcher.Open(index);
        var failures = new List<string>();
        var rows = new List<string> { "| kind | good indexed | bad reported | outcome |", "|---|---|---|---|" };
        var reported = summary.Skipped.ToLookup(skip => kinds.FirstOrDefault(kind => skip.Location.StartsWith(kind.Folder + "/", StringComparison.Ordinal))?.Name ?? "");
        foreach (var kind in kinds)
        {
            var expectedGood = kind.GoodIds.ToList();
            var expectedBad = kind.BadLocations.ToList();
            if (kind.TruncatedFile is { } truncated)
            {
                // Some prefix of the truncated file is readable; the cut must be reported at the first line not read.
                var readable = kind.TruncatedIds.TakeWhile(id => searcher.GetArticle(id) is not null).ToList();
                if (readable.Count == 0)
                {
                    failures.Add($"{kind.Name}: no article before the cut was indexed");
                }

                expectedGood.AddRange(readable);
                expectedBad.Add(readable.Count == 0 ? truncated : $"{truncated}:{readable.Count + 1}");
            }

            var missing = expectedGood.Where(id => searcher.GetArticle(id) is null).ToList();
            var skips = reported[kind.Name].ToList();
            var locations = skips.Select(skip => skip.Location).Order(StringComparer.Ordinal).ToList();
            var repeated = summary.RepeatedIds.Where(entry => entry.StartsWith(Path.GetFileName(kind.Folder) + "-", StringComparison.Ordinal)).ToList();
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"not indexed: {string.Join(", ", missing.Select(Short))}");
            }

            if (!locations.SequenceEqual(expectedBad.Order(StringComparer.Ordinal)))
            {
                problems.Add($"reported [{string.Join(", ", locations.Select(l => Relative(l, root)))}] but expected [{string.Join(", ", expectedBad.Order(StringComparer.Ordinal).Select(l => Relative(l, root)))}]");
            }

            if (repeated.Count != kind.RepeatedIds.Count)
            {
                problems.Add($"repeated ids reported: [{string.Join(", ", repeated)}], expected {kind.RepeatedIds.Count}");
            }

            failures.AddRange(problems.Select(problem => $"{kind.Name}: {problem}"));
            var outcome = problems.Count > 0 ? "FAILED: " + string.Join("; ", problems)
                : skips.Count == 0 ? "all indexed" + (repeated.Count > 0 ? ", repeated id listed" : "")
                : string.Join(" / ", skips.Select(skip => skip.SkipReason).Distinct().Select(reason => Cut(reason!)));
            rows.Add($"| {kind.Name} | {expectedGood.Count - missing.Count}/{expectedGood.Count} | {skips.Count}/{expectedBad.Count} | {outcome.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        var stray = reported[""].ToList();
        failures.AddRange(stray.Select(skip => $"reported outside any kind: {skip.Location}: {skip.SkipReason}"));
        var allGood = kinds.Sum(kind => kind.GoodIds.Count);
        rows.Add($"| **{kinds.Count} kinds** | {summary.Added:N0} added | {summary.Skipped.Count:N0} skipped | {summary.ArticlesInIndex:N0} articles in index |");
        output.WriteLine(string.Join('\n', rows));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(kinds.Count >= 30, $"only {kinds.Count} kinds");
        Assert.True(summary.Added >= allGood, $"{summary.Added} added, {allGood} good articles outside the truncated file");
        Assert.Equal(summary.Added, summary.ArticlesInIndex);
    }

    private static string Short(string id) => id.Length > 40 ? id[..40] + "…" : id;

    private static string Cut(string reason) => reason.Length > 90 ? reason[..90] + "…" : reason;

    private static string Relative(string location, string root) => location.StartsWith(root, StringComparison.Ordinal) ? location[(root.Length + 1)..] : location;
}
