using Search.Core.Querying;

namespace Search.Core.Tests.Spelling;

public sealed class SharedMisprintFixture() : IndexedArticlesFixture("shared-misprints", Articles())
{
    private static object[] Articles() =>
        [
            // Guiseppe: misprinted in four articles, all beside Conte, one of them in the headline; Giuseppe beside Conte
            // in 45.
            new { id = "guiseppe-1", date = "2020-03-09", title = "Guiseppe Conte schließt das Land", body = "Der Premier Conte verhängt die Sperre." },
            .. Enumerable.Range(2, 3).Select(i => new { id = $"guiseppe-{i}", date = "2020-03-10", title = "Rom", body = $"Premier Guiseppe Conte spricht, Meldung {i}." }),
            .. Enumerable.Range(1, 45).Select(i => new { id = $"giuseppe-{i}", date = "2020-03-11", title = "Italien", body = $"Giuseppe Conte regiert in Rom, Bericht {i}." }),
            // Pallegrini: a name of its own in eight articles, three beside Conte; Pellegrini, one edit away, beside Conte
            // in forty.
            .. Enumerable.Range(1, 3).Select(i => new { id = $"pallegrini-{i}", date = "2020-04-01", title = "Turin", body = $"Pallegrini trifft Conte in Turin, Tag {i}." }),
            .. Enumerable.Range(4, 5).Select(i => new { id = $"pallegrini-{i}", date = "2020-04-02", title = "Turin", body = $"Pallegrini eröffnet die Galerie, Teil {i}." }),
            .. Enumerable.Range(1, 40).Select(i => new { id = $"pellegrini-{i}", date = "2020-04-03", title = "Fußball", body = $"Pellegrini und Conte beim Spiel, Runde {i}." }),
        ];
}

public sealed class SharedMisprintTests(SharedMisprintFixture fixture) : IClassFixture<SharedMisprintFixture>
{
    [Fact]
    public void ANameSeveralArticlesMisprintBesideTheOtherWordsIsSearchedAsTheNameFarMoreArticlesPrintWithThem()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Guiseppe Conte", []) { Size = 10 });

        Assert.Equal("Giuseppe Conte", result.DidYouMean);
        Assert.True(result.Fuzzy);
        Assert.All(result.Hits, hit => Assert.StartsWith("giuseppe-", hit.Article.Id, StringComparison.Ordinal));
        // The articles that print the misprint are still found, after those that print the name.
        Assert.Equal(49, result.Total);
    }

    [Fact]
    public void ANameSeveralArticlesMisprintIsCorrectedInAQuestionToo()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Wer ist Guiseppe Conte?", []) { Size = 10 });

        Assert.Equal("Wer ist Giuseppe Conte?", result.DidYouMean);
        Assert.All(result.Hits, hit => Assert.StartsWith("giuseppe-", hit.Article.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void ARareWordMostOfWhoseArticlesLackTheOtherWordsStaysAsTyped()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Pallegrini Conte", []));

        Assert.Null(result.DidYouMean);
        Assert.Equal(["pallegrini-1", "pallegrini-2", "pallegrini-3"], result.Hits.Select(hit => hit.Article.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASharedMisprintStaysAsTypedWithTyposOff()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Guiseppe Conte", []) { Typos = false });

        Assert.Null(result.DidYouMean);
        Assert.Equal(4, result.Total);
    }
}
