using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Querying;

public sealed class TypoRetryFixture : IDisposable
{
    public TypoRetryFixture()
    {
        var corpus = TestCorpus.CreateTempFolder("typo-corpus");
        object[] articles =
        [
            new { id = "rat-1", date = "2020-01-10", title = "Sitzung", body = "Der Forschungsrat tagt am Montag." },
            new { id = "rat-2", date = "2020-01-11", title = "Sitzung", body = "Der Forschungsrat tagt am Dienstag." },
            new { id = "rat-3", date = "2020-01-12", title = "Sitzung", body = "Der Forschungsrat tagt am Mittwoch." },
            new { id = "art-1", date = "2020-02-10", title = "Kunst", body = "Eine neue Forschungsart wird erprobt." },
        ];
        File.WriteAllLines(Path.Combine(corpus, "typos.jsonl"), articles.Select(article => JsonSerializer.Serialize(article)));
        IndexPath = TestCorpus.CreateTempFolder("typo-index");
        CorpusImporter.Import([corpus], IndexPath);
        Searcher = ArticleSearcher.Open(IndexPath);
    }

    public string IndexPath { get; }

    public ArticleSearcher Searcher { get; }

    public void Dispose() => Searcher.Dispose();
}

public sealed class TypoRetryTests(TypoRetryFixture fixture) : IClassFixture<TypoRetryFixture>
{
    [Fact]
    public void AWordFoundNowhereIsRetriedWithEdits()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Forschungsrta", []));

        Assert.True(result.Fuzzy);
        Assert.Contains(result.Hits, hit => hit.Article.Id == "rat-1");
    }

    [Fact]
    public void AWellKnownWordThatAFilterLeftWithoutHitsIsNotMatchedWithEdits()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Forschungsrat", ["2020-02"]));

        Assert.Equal(0, result.Total);
        Assert.False(result.Fuzzy);
        Assert.Null(result.DidYouMean);
    }
}
