using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>
/// Made-up articles for a two-word query whose heavier word only a few articles print: "Bierabsatz" in two articles
/// about breweries, "Brauerei" in eight more, and 500 articles on other things, so that both words are uncommon.
/// </summary>
public sealed class RareWordFixture() : Search.Core.Tests.IndexedArticlesFixture("rare-word", Articles())
{
    private static List<object> Articles()
    {
        var articles = new List<object>
        {
            new { id = "sales-1", date = "2020-06-01", title = "Bierabsatz bricht ein", body = "Der Bierabsatz der Brauereien ist im Frühjahr eingebrochen." },
            new { id = "sales-2", date = "2020-07-01", title = "Weniger Bier", body = "Die Brauerei meldet einen geringeren Bierabsatz." },
        };
        for (var i = 0; i < 8; i++)
        {
            articles.Add(new { id = $"brewery-{i}", date = "2020-08-01", title = $"Brauerei {i} in Not", body = "Die Brauerei kann ohne Volksfeste kaum verkaufen. Die Brauerei hofft auf den Sommer." });
        }

        for (var i = 0; i < 500; i++)
        {
            articles.Add(new { id = $"other-{i:D3}", date = "2020-09-01", title = $"Bericht {i}", body = "Am Morgen fuhr der Bus pünktlich los." });
        }

        return articles;
    }
}

public sealed class RareWordTests(RareWordFixture fixture) : IClassFixture<RareWordFixture>
{
    [Fact]
    public void OfTwoWordsWhenFewArticlesHaveTheHeavierTheArticlesWithTheLighterAloneFollowThem()
    {
        var ids = Ids(fixture.Searcher);
        using var heavierOnly = ArticleSearcher.Open(fixture.IndexPath, RankingWeights.Default with { OneOfTwoAfterRareWord = false });

        Assert.Equal(["sales-1", "sales-2"], Ids(heavierOnly).Order());
        Assert.Equal(["sales-1", "sales-2"], ids.Take(2).Order());
        Assert.Equal([.. Enumerable.Range(0, 8).Select(i => $"brewery-{i}")], ids.Skip(2).Order());
    }

    private static List<string> Ids(ArticleSearcher searcher) =>
        [.. searcher.Search(new SearchRequest("Bierabsatz Brauereien", [], 1, 100)).Hits.Select(hit => hit.Article.Id)];
}
