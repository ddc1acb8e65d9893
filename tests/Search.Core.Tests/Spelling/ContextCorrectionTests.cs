using Search.Core.Querying;

namespace Search.Core.Tests.Spelling;

public sealed class ContextCorrectionFixture() : IndexedArticlesFixture("context-corrections", Articles())
{
    private static object[] Articles() =>
        [
            // Tegel: the commoner word one edit from "Tegnel", never beside Schweden.
            .. Enumerable.Range(1, 6).Select(i => new { id = $"tegel-{i}", date = "2020-05-10", title = "Flughafen", body = $"Der Flughafen Tegel schließt im Herbst, Meldung {i}." }),
            .. Enumerable.Range(1, 3).Select(i => new { id = $"tegnell-{i}", date = "2020-06-10", title = "Schweden", body = $"Anders Tegnell verteidigt die Strategie Schwedens, Bericht {i}." }),
            // Navalny: printed once, in an article on something else; Nawalny beside Haft in four.
            new { id = "navalny-1", date = "2020-08-20", title = "Medien", body = "Navalny is the English spelling seen in a quote about the press." },
            .. Enumerable.Range(1, 4).Select(i => new { id = $"nawalny-{i}", date = "2021-01-20", title = "Moskau", body = $"Alexej Nawalny muss in Haft, ein Gericht in Moskau entschied, Folge {i}." }),
            // Brexitwahl: printed once, in the one article with Schottland; Brexitzahl in three others.
            new { id = "brexitwahl-1", date = "2020-12-01", title = "Schottland", body = "Die Brexitwahl in Schottland bleibt umstritten." },
            .. Enumerable.Range(1, 3).Select(i => new { id = $"brexitzahl-{i}", date = "2020-12-02", title = "Statistik", body = $"Die Brexitzahl in Schottland steigt, Tabelle {i}." }),
            // Tönnis: misprinted once, beside Fleischfabrik, in an article that prints Tönnies twice; Tönnies beside
            // Fleischfabrik in twelve more.
            new { id = "toennis-1", date = "2020-06-18", title = "Gütersloh", body = "Tönnies schließt. Bei Tönnis stehen die Bänder der Fleischfabrik still, Tönnies zahlt." },
            .. Enumerable.Range(1, 12).Select(i => new { id = $"toennies-{i}", date = "2020-06-20", title = "Rheda", body = $"Die Fleischfabrik von Tönnies bleibt zu, Tag {i}." }),
            // Netanyahu: the English spelling, in one article beside Proteste; Netanjahu beside Proteste in twelve.
            new { id = "netanyahu-1", date = "2020-07-20", title = "Jerusalem", body = "Die Proteste gegen Netanyahu dauern an." },
            .. Enumerable.Range(1, 12).Select(i => new { id = $"netanjahu-{i}", date = "2020-07-21", title = "Israel", body = $"Proteste gegen Netanjahu in Jerusalem, Tag {i}." }),
            // Rezitation: printed once beside Wochenende; Reputation, two edits away, beside it in twelve.
            new { id = "rezitation-1", date = "2020-09-01", title = "Lesung", body = "Eine Rezitation am Wochenende im Park." },
            .. Enumerable.Range(1, 12).Select(i => new { id = $"reputation-{i}", date = "2020-09-02", title = "Firma", body = $"Die Reputation litt am Wochenende, Teil {i}." }),
            // Architektouren: a headline's word, in an article that prints Architekturen too; Architekturen beside
            // digital in twelve more.
            new { id = "architektouren-1", date = "2020-11-01", title = "Architektouren finden digital statt", body = "Die Architekturen der Stadt digital erleben." },
            .. Enumerable.Range(1, 12).Select(i => new { id = $"architekturen-{i}", date = "2020-11-02", title = "Bauen", body = $"Architekturen digital erleben, Teil {i}." }),
        ];
}

public sealed class ContextCorrectionTests(ContextCorrectionFixture fixture) : IClassFixture<ContextCorrectionFixture>
{
    [Fact]
    public void AWordNoArticleHasIsCorrectedToTheWordTheOtherQueryWordsAreFoundWithNotTheCommonerOne()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Tegnel Schweden", []));

        Assert.Equal("Tegnell Schweden", result.DidYouMean);
        Assert.All(result.Hits, hit => Assert.StartsWith("tegnell-", hit.Article.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void AWordOnItsOwnIsCorrectedToTheCommonestWordNearby()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Tegnel", []));

        Assert.Equal("Tegel", result.DidYouMean);
    }

    [Fact]
    public void AWordOneArticlePrintsIsCorrectedWhenNoArticleHasItWithTheOtherWordsAndSeveralHaveANearbyWordWithThem()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Navalny Haft", []));

        Assert.Equal("Nawalny Haft", result.DidYouMean);
        Assert.Equal(4, result.Hits.Count(hit => hit.Article.Id.StartsWith("nawalny-", StringComparison.Ordinal)));
    }

    [Fact]
    public void ARareWordThatAnArticleHasTogetherWithTheOtherWordsStaysAsTyped()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Brexitwahl Schottland", []));

        Assert.Null(result.DidYouMean);
        Assert.Equal("brexitwahl-1", result.Hits[0].Article.Id);
    }

    [Fact]
    public void AWordOneArticleMisprintsBesideTheWordItMeansIsCorrectedWhenFarMoreArticlesHaveThatWordWithTheOtherWords()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Tönnis Fleischfabrik", []));

        Assert.Equal("Tönnies Fleischfabrik", result.DidYouMean);
        Assert.Equal(13, result.Total);
    }

    [Fact]
    public void AWordAnArticlePrintsInAnotherSpellingIsCorrectedWhenFarMoreArticlesHaveTheWordOneEditAwayWithTheOtherWords()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Netanyahu Proteste", []));

        Assert.Equal("Netanjahu Proteste", result.DidYouMean);
        Assert.Equal(12, result.Total);
        Assert.All(result.Hits, hit => Assert.StartsWith("netanjahu-", hit.Article.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void AWordAnArticlePrintsWithTheOtherWordsStaysAsTypedWhenTheCommonerWordIsTwoEditsAway()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Rezitation Wochenende", []));

        Assert.Null(result.DidYouMean);
        Assert.Equal("rezitation-1", result.Hits[0].Article.Id);
    }

    [Fact]
    public void AHeadlinesRareWordStaysAsTypedThoughFarMoreArticlesHaveANearbyWordWithTheOtherWords()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Architektouren digital", []));

        Assert.Null(result.DidYouMean);
        Assert.Equal("architektouren-1", result.Hits[0].Article.Id);
    }

    [Fact]
    public void ARareWordAloneIsNotCorrected()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Navalny", []));

        Assert.Null(result.DidYouMean);
        Assert.Equal(["navalny-1"], result.Hits.Select(hit => hit.Article.Id));
    }
}
