using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Tests.Shared;

namespace Search.Core.Tests.Ranking;

// Checks: with as many matches as AsTypedFirstBelow or more, the first of the first ten hits that prints every word as
// typed comes first; one that prints another form of a word as long as the typed one ("Gerichtes" for "Gerichten") is
// not moved; beyond the first ten the score alone orders. The fixture: short articles that repeat other forms of
// "Gerichten" and "Stillstands" outscore two long ones that print a form of each once, and each test shows the score
// order the rule changes.
public sealed class AsTypedAmongManyTests
{
    private const string Query = "Gerichten Stillstands";

    [Fact]
    public void WithManyMatchesTheFirstOfTheFirstTenHitsThatPrintsEveryWordAsTypedComesFirst()
    {
        var index = Index(otherForms: 8);
        var scoreOrder = Ids(index, Query, RankingWeights.Default with { AsTypedWithin = 0 });

        Assert.Equal(10, scoreOrder.Length);
        Assert.Equal("wie-getippt", scoreOrder[^1]);
        Assert.Equal(["wie-getippt", .. scoreOrder[..^1]], Ids(index, Query, RankingWeights.Default));
    }

    [Fact]
    public void AnArticleThatPrintsAnotherFormAsLongAsTheTypedWordIsNotMovedUp()
    {
        var index = Index(otherForms: 8);
        var scoreOrder = Ids(index, Query, RankingWeights.Default with { AsTypedWithin = 0 });

        Assert.Equal(["gleich-lang", "wie-getippt"], scoreOrder[^2..]);
        Assert.Equal("gleich-lang", Ids(index, Query, RankingWeights.Default)[^1]);
    }

    [Fact]
    public void BeyondTheFirstTenHitsTheScoreAloneOrders()
    {
        var index = Index(otherForms: 11);
        var scoreOrder = Ids(index, Query, RankingWeights.Default with { AsTypedWithin = 0 });

        Assert.Equal("wie-getippt", scoreOrder[^1]);
        Assert.Equal(scoreOrder, Ids(index, Query, RankingWeights.Default));
    }

    [Fact]
    public void AQuestionIsOrderedByTheScoreAlone()
    {
        var index = Index(otherForms: 8);

        Assert.Equal(Ids(index, Query + "?", RankingWeights.Default with { AsTypedWithin = 0 }), Ids(index, Query + "?", RankingWeights.Default));
    }

    [Fact]
    public void WhileTheReaderTypesTheLastWordTheScoreAloneOrders()
    {
        var index = Index(otherForms: 8);

        var scoreOrder = Ids(index, Query, RankingWeights.Default with { AsTypedWithin = 0 }, prefixLast: true);

        Assert.NotEqual("wie-getippt", scoreOrder[0]);
        Assert.Equal(scoreOrder, Ids(index, Query, RankingWeights.Default, prefixLast: true));
    }

    private static string Index(int otherForms)
    {
        var corpus = Path.Combine(TestCorpus.CreateTempFolder("as-typed-many"), "articles.jsonl");
        var lines = Enumerable.Range(1, otherForms)
            .Select(i => Article($"formen-{i:00}", $"Stillstand am Gericht {i}", $"Das Gericht {i} meldet Stillstand. Am Gericht herrscht Stillstand, sagt die Sprecherin."))
            .Append(Article("wie-getippt", "Ein Jahr der Justiz", "Von den Gerichten des Landes ist zu berichten, dass die Verfahren trotz des Stillstands weitergingen. "
                + Filler(12)))
            .Append(Article("gleich-lang", "Ein Jahr im Amt", "Der Richter des Gerichtes sprach über die Folgen des Stillstands für die Verfahren. " + Filler(8)));
        File.WriteAllLines(corpus, lines);
        var index = TestCorpus.CreateTempFolder("index");
        CorpusImporter.Import([corpus], index);
        return index;
    }

    private static string[] Ids(string index, string text, RankingWeights weights, bool prefixLast = false)
    {
        using var searcher = ArticleSearcher.Open(index, weights);
        return [.. searcher.Search(new SearchRequest(text, [], 1, 20) { Facets = false, Snippets = false, PrefixLast = prefixLast }).Hits.Select(hit => hit.Article.Id)];
    }

    // Sentences that make an article long, so that its two matches score below the short articles'.
    private static string Filler(int sentences) =>
        string.Join(' ', Enumerable.Repeat("Die Kammer tagte im Saal, die Akten lagen bereit, und der Termin wurde bestätigt.", sentences));

    private static string Article(string id, string title, string body) =>
        JsonSerializer.Serialize(new { id, date = "2020-05-01", title, body });
}
