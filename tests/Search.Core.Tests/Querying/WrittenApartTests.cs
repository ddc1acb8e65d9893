using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

public sealed class WrittenApartFixture() : IndexedArticlesFixture("written-apart", Articles())
{
    private static object[] Articles() =>
        [
            new { id = "jubilaeum-1", date = "2020-12-16", title = "Das Beethoven-Jahr fällt aus", body = "Das Beethoven-Jahr wird bis September verlängert." },
            new { id = "jubilaeum-2", date = "2020-01-10", title = "Auftakt", body = "In Bonn beginnt das Beethoven Jahr mit einem Festakt." },
            .. Enumerable.Range(1, 10).Select(i => new { id = $"konzert-{i}", date = "2020-03-01", title = "Konzert", body = $"Beethoven steht auf dem Programm, Abend {i}." }),
            .. Enumerable.Range(1, 10).Select(i => new { id = $"bilanz-{i}", date = "2020-12-30", title = "Bilanz", body = $"Das Jahr war für die Kultur hart, Folge {i}." }),
            new { id = "getrennt-1", date = "2020-06-01", title = "Rückblick", body = "Beethoven hätte gefeiert. Ein Jahr später ist alles anders." },
            // A word in three articles: uncommon among the 230 (RankingWeights.CommonShare), and far rarer than "Jahr".
            new { id = "festakt-1", date = "2020-02-01", title = "Festakt im Rathaus", body = "Der Festakt zur Städtepartnerschaft fand im Rathaus statt." },
            new { id = "festakt-2", date = "2020-02-02", title = "Festakt abgesagt", body = "Der Festakt des Vereins wird verschoben." },
            .. Enumerable.Range(1, 200).Select(i => new { id = $"wetter-{i}", date = "2020-04-01", title = "Wetter", body = $"Es regnet in Kiel, Tag {i}." }),
        ];
}

public sealed class WrittenApartTests(WrittenApartFixture fixture) : IClassFixture<WrittenApartFixture>
{
    [Fact]
    public void ACompoundNoArticleHasFindsTheArticlesThatWriteItsWordsSideBySide()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Beethovenjahr", []));

        Assert.Equal(["jubilaeum-1", "jubilaeum-2"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.Null(result.DidYouMean);
    }

    [Fact]
    public void ACompoundTheArticlesWriteApartDoesNotKeepAFarRarerSecondWordFromFindingItsArticles()
    {
        // "Beethovenjahr" weighs as "Jahr", the commoner of its words: "Festakt" is what the articles must have, and
        // the one article with both comes first.
        var result = fixture.Searcher.Search(new SearchRequest("Beethovenjahr Festakt", []));

        Assert.Equal("jubilaeum-2", result.Hits[0].Article.Id);
        Assert.Equal(["festakt-1", "festakt-2", "jubilaeum-2"], result.Hits.Select(hit => hit.Article.Id).Order());
    }

    [Theory]
    [InlineData("Beethovenjahr", "Beethoven jahr")]
    [InlineData("Geburtstagsfeier", "Geburtstag feier")] // the linking s
    [InlineData("Kanzlerkandidat", null)] // in 40 articles as one word: searched as typed
    [InlineData("Beethovenxyzq", null)] // no known second word
    [InlineData("Jahrbuch", null)] // "buch" is in too few articles to be a part
    [InlineData("Altersfalle", null)] // both parts in thousands of articles: their phrase costs more than it finds
    public void AWordTheIndexHardlyKnowsSplitsIntoTheTwoWellKnownWordsItIsMadeOf(string word, string? parts)
    {
        var articles = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["beethoven"] = 50, ["jahr"] = 900, ["geburtstag"] = 30, ["feier"] = 20, ["kanzlerkandidat"] = 40, ["kanzler"] = 80,
            ["kandidat"] = 60, ["buch"] = 3, ["alter"] = 2_400, ["falle"] = 1_300,
        };

        var split = WrittenApart.Parts(word, [word.ToLowerInvariant()], text => [text.ToLowerInvariant()], term => articles.GetValueOrDefault(term.Text, 0));

        Assert.Equal(parts, split);
    }
}
