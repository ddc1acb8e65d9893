using Search.Core.Querying;

namespace Search.Core.Tests.Searching;

public sealed class TypoRetryFixture() : IndexedArticlesFixture("typos", Articles())
{
    private static object[] Articles() =>
        [
            new { id = "rat-1", date = "2020-01-10", title = "Sitzung", body = "Der Forschungsrat tagt am Montag." },
            new { id = "rat-2", date = "2020-01-11", title = "Sitzung", body = "Der Forschungsrat tagt am Dienstag." },
            new { id = "rat-3", date = "2020-01-12", title = "Sitzung", body = "Der Forschungsrat tagt am Mittwoch." },
            new { id = "rat-4", date = "2020-01-13", title = "Sitzung", body = "Der Forschungsrat tagt am Donnerstag." },
            new { id = "rat-5", date = "2020-01-14", title = "Sitzung", body = "Der Forschungsrat tagt am Freitag." },
            new { id = "art-1", date = "2020-02-10", title = "Kunst", body = "Eine neue Forschungsart wird erprobt." },
            new { id = "amt-1", date = "2020-03-10", title = "Behörde", body = "Das Forschungsamt zieht um." },
            new { id = "tennis-1", date = "2020-04-10", title = "Tennis", body = "Alexander Zverev gewinnt in Köln." },
            new { id = "tennis-2", date = "2020-04-11", title = "Tennis", body = "Alexander Zverev verliert in Wien." },
            new { id = "history-1", date = "2020-04-12", title = "Geschichte", body = "Alexander der Große zog nach Osten." },
            // Lieferkettengesetz in five articles, "regelt" in fifteen others; only one article has the law beside
            // "regeln", one edit from "regelt".
            .. Enumerable.Range(0, 4).Select(i => new { id = $"law-{i}", date = "2020-05-10", title = "Wirtschaft", body = "Das Lieferkettengesetz kommt im Sommer." }),
            new { id = "law-rules", date = "2020-05-11", title = "Wirtschaft", body = "Das Lieferkettengesetz soll die Pflichten der Firmen regeln." },
            .. Enumerable.Range(0, 15).Select(i => new { id = $"city-{i:D2}", date = "2020-05-12", title = "Stadt", body = "Die Stadt regelt den Verkehr." }),
        ];
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
    public void AWordMistypedInItsFirstLetterIsCorrected()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Alexander Sverev", []));

        Assert.Equal("Alexander Zverev", result.DidYouMean);
        Assert.Equal(["tennis-1", "tennis-2"], result.Hits.Select(hit => hit.Article.Id).Order());
    }

    [Fact]
    public void ARetryThatFindsFewerArticlesThanTheSearchAsTypedDoesNotReplaceIt()
    {
        // No article has both words, so the query is retried with edits; the retry's one article with both ("regeln")
        // does not replace the five with the heavier word, which come first. CommonShare makes both words uncommon in
        // this small index, so the fifteen with the lighter word alone follow them (OneOfTwoAfterRareWord).
        using var searcher = ArticleSearcher.Open(fixture.IndexPath, Search.Core.Ranking.RankingWeights.Default with { CommonShare = 0.6f });

        var result = searcher.Search(new SearchRequest("regelt Lieferkettengesetz", [], 1, 20));

        Assert.False(result.Fuzzy);
        Assert.Equal(5 + 15, result.Total);
        Assert.All(result.Hits.Take(5), hit => Assert.StartsWith("law-", hit.Article.Id, StringComparison.Ordinal));
        Assert.All(result.Hits.Skip(5), hit => Assert.StartsWith("city-", hit.Article.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void AWellKnownWordThatAFilterLeftWithoutHitsIsNotMatchedWithEdits()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Forschungsrat", ["2020-02"]));

        Assert.Equal(0, result.Total);
        Assert.False(result.Fuzzy);
        Assert.Null(result.DidYouMean);
    }

    [Theory]
    [InlineData("Forschungsart", "art-1")] // one edit from Forschungsrat, in five times as many articles
    [InlineData("Forschungsamt", "amt-1")] // two edits from it
    public void AWordSomeArticlePrintsIsNotCorrectedToACommonerWordNearby(string word, string id)
    {
        var result = fixture.Searcher.Search(new SearchRequest(word, []));

        Assert.Equal([id], result.Hits.Select(hit => hit.Article.Id));
        Assert.Null(result.DidYouMean);
        Assert.False(result.Fuzzy);
    }
}
