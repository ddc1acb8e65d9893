using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Tests.Shared;

namespace Search.Core.Tests.Ranking;

// Checks: among a query's few matches, all on the page, the first that prints every word as typed comes first (or two
// words written as one), also among the few articles with every word of a query that lets an article miss one; with as many matches as the rule allows, or for a question, the score alone orders. The
// fixture's article with other forms of the words outscores the one that prints them (its headline has them), so
// each test also shows the score order the rule changes.
public sealed class AsTypedFirstTests
{
    private readonly string _index;

    public AsTypedFirstTests()
    {
        var corpus = Path.Combine(TestCorpus.CreateTempFolder("as-typed"), "articles.jsonl");
        File.WriteAllLines(corpus, new[]
        {
            Article("andere-formen", "Kundenverkehr in Schwaben", "Der Kundenverkehr in Schwaben ruht. Kundenverkehr bleibt in Schwaben verboten."),
            Article("wie-getippt", "Ein Tag im Laden", "Wegen des Kundenverkehrs bleibt der Laden in Schwaben bis Mittag offen. Danach kommt der Lieferant, "
                + "die Regale werden gefüllt und am Abend wird die Kasse gezählt, wie an jedem anderen Tag der Woche auch."),
            Article("zusammen", "Tagung in Bamberg", "Die Wirtschaftssoziologie tagt in Bamberg und spricht über Märkte, Preise und Vertrauen."),
            Article("zusammen-2", "Ein neues Fach", "Wer Wirtschaftssoziologie studiert, lernt, wie Märkte, Preise und Vertrauen zusammenhängen."),
            Article("getrennt", "Wirtschaft und Soziologie", "Wirtschaft und Soziologie: Die Soziologie fragt, wie Wirtschaft wirkt, und Wirtschaft fragt zurück."),
            // Three words: two articles have every one (one as typed), two miss "Samstag".
            Article("markt-formen", "Marktverkehr in Franken", "Der Marktverkehr in Franken ruht am Samstag. Marktverkehr bleibt in Franken verboten."),
            Article("markt-getippt", "Ein Samstag im Dorf", "Wegen des Marktverkehrs bleibt die Straße in Franken am Samstag gesperrt. Danach kommt der Lieferant, "
                + "die Regale werden gefüllt und am Abend wird die Kasse gezählt, wie an jedem anderen Tag der Woche auch."),
            Article("markt-ohne-1", "Marktverkehr in Franken", "Der Marktverkehr in Franken wächst."),
            Article("markt-ohne-2", "Franken", "In Franken nimmt der Marktverkehr zu, sagt der Verband."),
        });
        _index = TestCorpus.CreateTempFolder("index");
        CorpusImporter.Import([corpus], _index);
    }

    [Fact]
    public void AmongFewMatchesTheArticleThatPrintsEveryWordAsTypedComesFirst()
    {
        Assert.Equal(["wie-getippt", "andere-formen"], Ids("Kundenverkehrs Schwaben", RankingWeights.Default));
        Assert.Equal(["andere-formen", "wie-getippt"], Ids("Kundenverkehrs Schwaben", RankingWeights.Default with { AsTypedFirstBelow = 0, AsTypedWithin = 0 }));
    }

    [Fact]
    public void TwoQueryWordsThatAnArticleWritesAsOneWordCountAsTyped()
    {
        var ids = Ids("Wirtschafts Soziologie", RankingWeights.Default);
        var scoreOrder = Ids("Wirtschafts Soziologie", RankingWeights.Default with { AsTypedFirstBelow = 0, AsTypedWithin = 0 });

        Assert.Equal(["getrennt", "zusammen", "zusammen-2"], scoreOrder.Order());
        Assert.Equal("getrennt", scoreOrder[0]);
        Assert.StartsWith("zusammen", ids[0], StringComparison.Ordinal);
        Assert.Equal("getrennt", ids[1]);
    }

    [Fact]
    public void AmongFewArticlesWithEveryWordOfALongerQueryTheOneThatPrintsThemAsTypedComesFirst()
    {
        // Four matches, two with every word: the two that miss a word do not count against the rule's limit.
        var weights = RankingWeights.Default with { AsTypedFirstBelow = 3 };

        var scoreOrder = Ids("Marktverkehrs Franken Samstag", weights with { AsTypedFirstBelow = 0, AsTypedWithin = 0 });
        var ids = Ids("Marktverkehrs Franken Samstag", weights);

        Assert.Equal(["markt-formen", "markt-getippt"], scoreOrder[..2]);
        Assert.Equal(["markt-getippt", "markt-formen"], ids[..2]);
        Assert.Equal(["markt-ohne-1", "markt-ohne-2"], ids[2..].Order());
    }

    [Fact]
    public void WithAsManyMatchesAsTheRuleAllowsTheScoreAloneOrders()
    {
        Assert.Equal(["andere-formen", "wie-getippt"], Ids("Kundenverkehrs Schwaben", RankingWeights.Default with { AsTypedFirstBelow = 2, AsTypedWithin = 0 }));
    }

    [Fact]
    public void AQuestionIsOrderedByTheScoreAlone()
    {
        Assert.Equal(["andere-formen", "wie-getippt"], Ids("Kundenverkehrs Schwaben?", RankingWeights.Default));
    }

    [Theory]
    [InlineData("\"Kundenverkehrs\" Schwaben")]
    [InlineData("Kundenverkehrs \"in Schwaben\"")]
    [InlineData("Kundenverkehrs | Laden Schwaben")]
    public void AQueryUsingSyntaxBeyondPlainWordsIsOrderedByTheScoreAlone(string text)
    {
        var scoreOrder = Ids(text, RankingWeights.Default with { AsTypedFirstBelow = 0, AsTypedWithin = 0 });

        Assert.Equal(2, scoreOrder.Length);
        Assert.Equal(scoreOrder, Ids(text, RankingWeights.Default));
    }

    private string[] Ids(string text, RankingWeights weights)
    {
        using var searcher = ArticleSearcher.Open(_index, weights);
        return [.. searcher.Search(new SearchRequest(text, [], 1, 10) { Facets = false, Snippets = false }).Hits.Select(hit => hit.Article.Id)];
    }

    private static string Article(string id, string title, string body) =>
        JsonSerializer.Serialize(new { id, date = "2020-05-01", title, body });
}
