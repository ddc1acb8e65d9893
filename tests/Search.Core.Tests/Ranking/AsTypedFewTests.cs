using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Tests.Shared;

namespace Search.Core.Tests.Ranking;

// Checks: when one to AsTypedFewFirst articles print every word of a query as typed and each word as typed is uncommon,
// they come first, on every page; a word printed in more articles than AsTypedUncommon, or in two or fewer (it may be
// misspelt), and a month filter leave the score's order. The fixture: twelve short articles that repeat "Anker" and
// "Prozess" outscore one long article that prints "Anker" and "Prozessen" once each; two more print "Prozessen" alone.
public sealed class AsTypedFewTests
{
    private const string Query = "Anker Prozessen";
    private const int OtherForms = 12;

    private static readonly RankingWeights ScoreOnly = RankingWeights.Default with { AsTypedFewFirst = 0 };

    [Fact]
    public void TheFewArticlesThatPrintEveryUncommonWordAsTypedComeFirst()
    {
        var index = Index(alsoPrintingProzessen: 2);
        var scoreOrder = Ids(index, ScoreOnly);

        Assert.True(Array.IndexOf(scoreOrder, "wie-getippt") >= 10, string.Join(", ", scoreOrder));
        Assert.Equal(["wie-getippt", .. scoreOrder.Where(id => id != "wie-getippt")], Ids(index, RankingWeights.Default));
    }

    [Fact]
    public void TheNextPageContinuesTheOrderThatPutThemFirst()
    {
        var index = Index(alsoPrintingProzessen: 2);
        var all = Ids(index, RankingWeights.Default);

        using var searcher = ArticleSearcher.Open(index, RankingWeights.Default);
        var first = searcher.Search(new SearchRequest(Query, [], 1, 5) { Facets = false, Snippets = false });
        var second = searcher.Search(new SearchRequest(Query, [], 2, 5) { Facets = false, Snippets = false });

        Assert.Equal("wie-getippt", first.Hits[0].Article.Id);
        Assert.Equal(all[..10], first.Hits.Concat(second.Hits).Select(hit => hit.Article.Id).ToArray());
    }

    [Fact]
    public void AWordPrintedInMoreArticlesThanAsTypedUncommonLeavesTheScoreOrder()
    {
        var index = Index(alsoPrintingProzessen: 2);

        Assert.Equal(Ids(index, ScoreOnly), Ids(index, RankingWeights.Default with { AsTypedUncommon = OtherForms }));
    }

    [Fact]
    public void AWordPrintedInTwoArticlesOrFewerLeavesTheScoreOrder()
    {
        var index = Index(alsoPrintingProzessen: 1);

        Assert.Equal(Ids(index, ScoreOnly), Ids(index, RankingWeights.Default));
    }

    [Fact]
    public void WithAMonthFilterTheScoreAloneOrders()
    {
        var index = Index(alsoPrintingProzessen: 2);

        Assert.Equal(Ids(index, ScoreOnly, ["2020-05"]), Ids(index, RankingWeights.Default, ["2020-05"]));
    }

    private static string Index(int alsoPrintingProzessen)
    {
        var corpus = Path.Combine(TestCorpus.CreateTempFolder("as-typed-few"), "articles.jsonl");
        var lines = Enumerable.Range(1, OtherForms)
            .Select(i => Article($"formen-{i:00}", $"Anker im Prozess {i}", $"Der Anker lag im Prozess {i} vor. Im Prozess ging es um den Anker, sagt die Sprecherin."))
            .Append(Article("wie-getippt", "Ein Jahr der Justiz", "In den Prozessen dieses Jahres war ein gestohlener Anker das seltsamste Beweisstück. " + Filler(12)))
            .Concat(Enumerable.Range(1, alsoPrintingProzessen)
                .Select(i => Article($"nur-prozessen-{i}", $"Verfahren {i}", "In den Prozessen ging es um Mieten. " + Filler(4))));
        File.WriteAllLines(corpus, lines);
        var index = TestCorpus.CreateTempFolder("index");
        CorpusImporter.Import([corpus], index);
        return index;
    }

    private static string[] Ids(string index, RankingWeights weights, string[]? months = null)
    {
        using var searcher = ArticleSearcher.Open(index, weights);
        return [.. searcher.Search(new SearchRequest(Query, months ?? [], 1, 20) { Facets = false, Snippets = false }).Hits.Select(hit => hit.Article.Id)];
    }

    // Sentences that make an article long, so that its two matches score below the short articles'.
    private static string Filler(int sentences) =>
        string.Join(' ', Enumerable.Repeat("Die Kammer tagte im Saal, die Akten lagen bereit, und der Termin wurde bestätigt.", sentences));

    private static string Article(string id, string title, string body) =>
        JsonSerializer.Serialize(new { id, date = "2020-05-01", title, body });
}
