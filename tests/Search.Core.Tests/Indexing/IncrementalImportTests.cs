using System.Text.Json;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

// Checks: unchanged files are recognised by the ledger and not read again; a changed file replaces its
// articles and drops the ones it no longer holds; --prune drops articles of vanished files; --strict leaves
// the index exactly as it was; --rebuild starts anew; an index from another analyzer version is refused;
// delete by id; check verifies every segment and counts months, and finds flipped bytes.
public class IncrementalImportTests
{
    private readonly string _corpus = TestCorpus.CreateTempFolder("corpus");
    private readonly string _index = TestCorpus.CreateTempFolder("index");

    [Fact]
    public void UnchangedFilesAreNotReadAgain()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter"));
        WriteArticles("b.jsonl", ("b1", "Dritter"));
        CorpusImporter.Import([_corpus], _index);

        var again = CorpusImporter.Import([_corpus], _index);

        Assert.Equal((0, 0, 3, 2), (again.Added, again.Updated, again.Unchanged, again.UnchangedFiles));
    }

    [Fact]
    public void ChangedFileReplacesItsArticlesAndDropsTheOnesItNoLongerHolds()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter"), ("a3", "Dritter"));
        CorpusImporter.Import([_corpus], _index);
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter, neu"));

        var summary = CorpusImporter.Import([_corpus], _index);

        Assert.Equal((0, 1, 1, 1), (summary.Added, summary.Updated, summary.Unchanged, summary.Deleted));
        using var searcher = ArticleSearcher.Open(_index);
        Assert.Equal(2, searcher.Count);
        Assert.Null(searcher.GetArticle("a3"));
        Assert.Equal("Zweiter, neu", searcher.GetArticle("a2")?.Title);
    }

    [Fact]
    public void ArticleMovedToAnotherFileIsKeptWhenItsOldFileChanges()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("moved", "Wandert"));
        CorpusImporter.Import([_corpus], _index);
        WriteArticles("a.jsonl", ("a1", "Erster"));
        WriteArticles("0-new.jsonl", ("moved", "Wandert"));

        var summary = CorpusImporter.Import([_corpus], _index);

        Assert.Equal(0, summary.Deleted);
        using var searcher = ArticleSearcher.Open(_index);
        Assert.NotNull(searcher.GetArticle("moved"));
    }

    [Fact]
    public void PruneDropsArticlesOfVanishedFilesAndOnlyThen()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"));
        WriteArticles("b.jsonl", ("b1", "Zweiter"), ("b2", "Dritter"));
        CorpusImporter.Import([_corpus], _index);
        File.Delete(Path.Combine(_corpus, "b.jsonl"));

        var withoutPrune = CorpusImporter.Import([_corpus], _index);
        var withPrune = CorpusImporter.Import([_corpus], _index, new ImportOptions { Prune = true });

        Assert.Equal(0, withoutPrune.Deleted);
        Assert.Equal(3, withoutPrune.ArticlesInIndex);
        Assert.Equal(2, withPrune.Deleted);
        Assert.Equal(1, withPrune.ArticlesInIndex);
    }

    [Fact]
    public void StrictRunStopsAtBadInputAndLeavesTheIndexExactlyAsItWas()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"));
        CorpusImporter.Import([_corpus], _index);
        var before = IndexFiles();
        WriteArticles("b.jsonl", ("b1", "Zweiter"));
        File.WriteAllText(Path.Combine(_corpus, "c.jsonl"), "{kaputt\n");
        WriteArticles("d.jsonl", ("d1", "Vierter"));

        var summary = CorpusImporter.Import([_corpus], _index, new ImportOptions { Strict = true });

        Assert.True(summary.StoppedAtFirstProblem);
        Assert.Equal(Path.Combine(_corpus, "c.jsonl") + ":1", Assert.Single(summary.Skipped).Location);
        Assert.Equal(before, IndexFiles());
        using var searcher = ArticleSearcher.Open(_index);
        Assert.Equal(1, searcher.Count);
    }

    [Fact]
    public void RebuildReplacesTheWholeIndex()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter"));
        CorpusImporter.Import([_corpus], _index);
        var other = Path.Combine(TestCorpus.CreateTempFolder("corpus"), "other.jsonl");
        File.WriteAllText(other, Line("x1", "Anderer"));

        var summary = CorpusImporter.Import([other], _index, new ImportOptions { Rebuild = true });

        Assert.Equal((1, 1), (summary.Added, summary.ArticlesInIndex));
    }

    [Fact]
    public void IndexBuiltByAnotherAnalyzerVersionIsRefused()
    {
        using (var directory = FSDirectory.Open(_index))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleFields.Version, new Core.Analysis.GermanNewsAnalyzer())))
        {
            writer.AddDocument([new Lucene.Net.Documents.StringField(ArticleFields.Id, "old", Lucene.Net.Documents.Field.Store.YES)]);
            writer.SetCommitData(new Dictionary<string, string> { ["analyzer"] = "german-news-0" });
            writer.Commit();
        }

        WriteArticles("a.jsonl", ("a1", "Erster"));
        var error = Assert.Throws<IndexUnavailableException>(() => CorpusImporter.Import([_corpus], _index));

        Assert.Equal(
            $"The index at {_index} was built with analyzer 'german-news-0', but this indexer analyses text as '{ArticleFields.AnalyzerVersion}'; " +
            "articles from both would not match each other's queries. Rebuild it: run the indexer again over your corpus with --rebuild.",
            error.Message);
        Assert.Equal(1, CorpusImporter.Import([_corpus], _index, new ImportOptions { Rebuild = true }).ArticlesInIndex);
    }

    [Fact]
    public void DeleteRemovesAnArticleByIdAndReportsUnknownIds()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter"));
        CorpusImporter.Import([_corpus], _index);

        using (var writer = ArticleIndexWriter.Open(_index))
        {
            Assert.True(writer.Delete("a1"));
            Assert.False(writer.Delete("nope"));
            writer.Commit();
        }

        using var searcher = ArticleSearcher.Open(_index);
        Assert.Equal(1, searcher.Count);
        Assert.Null(searcher.GetArticle("a1"));
    }

    [Fact]
    public void CheckReportsAHealthyIndexWithArticlesPerMonth()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter"));
        File.AppendAllText(Path.Combine(_corpus, "a.jsonl"), JsonSerializer.Serialize(new { id = "a3", date = "2019-02", title = "Alt", body = "Text." }) + "\n");
        CorpusImporter.Import([_corpus], _index);

        var report = IndexChecker.Check(_index);

        Assert.True(report.Healthy);
        Assert.Equal(3, report.Articles);
        Assert.Equal(ArticleFields.AnalyzerVersion, report.AnalyzerVersion);
        Assert.Equal(1, report.Files);
        Assert.Equal(["2020-05:2", "2019-02:1"], report.Months.Select(month => $"{month.Value}:{month.Count}"));
    }

    [Fact]
    public void CheckFindsFlippedBytesInASegment()
    {
        WriteArticles("a.jsonl", ("a1", "Erster"), ("a2", "Zweiter"));
        CorpusImporter.Import([_corpus], _index);
        // The largest file of a segment (Lucene names them _N…): a compound file, or, merged, the stored fields.
        var segment = Directory.EnumerateFiles(_index).Where(file => Path.GetFileName(file).StartsWith('_')).MaxBy(file => new FileInfo(file).Length)!;
        var bytes = File.ReadAllBytes(segment);
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 16; i++)
        {
            bytes[i] ^= 0xFF;
        }

        File.WriteAllBytes(segment, bytes);

        var report = IndexChecker.Check(_index);

        Assert.False(report.Healthy);
        Assert.NotEmpty(report.Problems);
    }

    private void WriteArticles(string file, params (string Id, string Title)[] articles) =>
        File.WriteAllText(Path.Combine(_corpus, file), string.Concat(articles.Select(article => Line(article.Id, article.Title) + "\n")));

    private static string Line(string id, string title) =>
        JsonSerializer.Serialize(new { id, date = "2020-05-04", title, body = $"Der Text von {title}." });

    private Dictionary<string, string> IndexFiles() =>
        Directory.EnumerateFiles(_index).Where(file => !file.EndsWith("write.lock", StringComparison.Ordinal))
            .ToDictionary(file => Path.GetFileName(file), file => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
}
