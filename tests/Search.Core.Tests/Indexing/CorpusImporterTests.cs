using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

// Checks: a first run adds everything; re-running the same input changes nothing (upsert by id); a changed
// article is updated in place; an id repeated within one run is reported and the last one wins; skipped
// input is listed; a second writer on the same index gets a clear error.
public class CorpusImporterTests
{
    [Fact]
    public void FirstRunAddsEveryArticle()
    {
        var corpus = TestCorpus.CreateCorpusFolder();
        var index = TestCorpus.CreateTempFolder("index");

        var summary = CorpusImporter.Import([corpus], index);

        Assert.Equal((TestCorpus.FixtureArticles.Count + 1, 0, 0), (summary.Added, summary.Updated, summary.Unchanged));
        Assert.Empty(summary.Skipped);
        Assert.Equal(TestCorpus.FixtureArticles.Count + 1, summary.ArticlesInIndex);
        Assert.True(summary.IndexBytes > 0);
    }

    [Fact]
    public void ReindexingTheSameInputDuplicatesNothing()
    {
        var corpus = TestCorpus.CreateCorpusFolder();
        var index = TestCorpus.CreateTempFolder("index");
        CorpusImporter.Import([corpus], index);

        var again = CorpusImporter.Import([corpus], index);

        Assert.Equal((0, 0, TestCorpus.FixtureArticles.Count + 1), (again.Added, again.Updated, again.Unchanged));
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(TestCorpus.FixtureArticles.Count + 1, searcher.Count);
    }

    [Fact]
    public void ChangedArticleIsUpdatedInPlace()
    {
        var corpus = TestCorpus.CreateCorpusFolder();
        var index = TestCorpus.CreateTempFolder("index");
        CorpusImporter.Import([corpus], index);
        var changed = Path.Combine(TestCorpus.CreateTempFolder("corpus"), "changed.jsonl");
        File.WriteAllText(changed, JsonSerializer.Serialize(new { id = "haeuser-1", date = "2020-11-03", title = "Neue Häuser am Stadtrand", body = "Der Bau der Häuser ist abgesagt." }));

        var summary = CorpusImporter.Import([changed], index);

        Assert.Equal((0, 1, 0), (summary.Added, summary.Updated, summary.Unchanged));
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(TestCorpus.FixtureArticles.Count + 1, searcher.Count);
        Assert.Equal("Der Bau der Häuser ist abgesagt.", searcher.GetArticle("haeuser-1")?.Body);
    }

    [Fact]
    public void IdRepeatedInOneRunIsReportedAndTheLastOneWins()
    {
        var file = Path.Combine(TestCorpus.CreateTempFolder("corpus"), "twice.jsonl");
        File.WriteAllLines(file,
        [
            JsonSerializer.Serialize(new { id = "dup", date = "2020-01-01", title = "Erste Fassung", body = "Alt." }),
            JsonSerializer.Serialize(new { id = "dup", date = "2020-01-02", title = "Zweite Fassung", body = "Neu." }),
        ]);
        var index = TestCorpus.CreateTempFolder("index");

        var summary = CorpusImporter.Import([file], index);

        Assert.Equal($"dup (again at {file}:2; the last one wins)", Assert.Single(summary.RepeatedIds));
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(1, searcher.Count);
        Assert.Equal("Zweite Fassung", searcher.GetArticle("dup")?.Title);
    }

    [Fact]
    public void SkippedInputIsListedAndTheRestIsIndexed()
    {
        var corpus = TestCorpus.CreateCorpusFolder();
        File.WriteAllText(Path.Combine(corpus, "bad.jsonl"), "{\"id\": \"x\"}\n");
        File.WriteAllText(Path.Combine(corpus, "bad-date.txt"), " date 2021-13 Bild\n\nText.");
        var index = TestCorpus.CreateTempFolder("index");

        var summary = CorpusImporter.Import([corpus], index);

        Assert.Equal(TestCorpus.FixtureArticles.Count + 1, summary.Added);
        Assert.Equal(
            [$"{corpus}/bad-date.txt:1: impossible date '2021-13'; expected a real month YYYY-MM", $"{corpus}/bad.jsonl:1: missing 'title'"],
            summary.Skipped.Select(skip => $"{skip.Location}: {skip.SkipReason}"));
        Assert.Equal(2, CorpusImporter.Import([corpus], index).Skipped.Count); // reported again until fixed
    }

    [Fact]
    public void SecondWriterOnTheSameIndexIsToldItIsLocked()
    {
        var index = TestCorpus.CreateTempFolder("index");
        using var first = ArticleIndexWriter.Open(index);

        var error = Assert.Throws<Errors.IndexUnavailableException>(() => ArticleIndexWriter.Open(index));

        Assert.Equal($"The index at {index} is locked by another writer. Wait for the other indexer to finish, then run again.", error.Message);
    }
}
