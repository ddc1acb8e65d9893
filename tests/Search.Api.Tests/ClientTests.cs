using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Search.Client;
using Search.Tests.Shared;

namespace Search.Api.Tests;

// Checks Search.Client's reads against the real API pipeline: the typed search response (hits, marks, facets),
// every filter and sort round-tripping through SearchQuery, SearchAllAsync following cursors, articles and related
// articles with null for an unknown id, health, and problem details arriving as SearchApiException.
public class ClientTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static readonly string[] AllIds = [TestCorpus.SeedId, "bodensee-1", "script-1", "gespraech-1", "strasse-1", "haeuser-1"];

    private readonly NewsSearchClient _client = new(factory.CreateClient());

    [Fact]
    public async Task SearchForGenfGespraecheFindsTheSeedArticleWithMarksAndItsMonth()
    {
        var response = await _client.SearchAsync(new SearchQuery { Q = "Genf Gespräche" });

        Assert.Equal(("Genf Gespräche", 1, 1, 10), (response.Query, response.Total, response.Page, response.Size));
        Assert.True(response.TookMs >= 0);
        Assert.False(response.Partial);
        Assert.Null(response.Next);
        var hit = Assert.Single(response.Hits);
        Assert.Equal((TestCorpus.SeedId, "2021-12"), (hit.Id, hit.Date));
        Assert.StartsWith("Das letzte Ferngespräch", hit.Caption, StringComparison.Ordinal);
        Assert.Null(hit.Source);
        Assert.True(hit.Score > 0);
        Assert.Contains("<mark>Genf</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Gespräche</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal([new FacetCount("2021-12", 1)], response.Facets.Month);
        Assert.Equal([new FacetCount("2021", 1)], response.Facets.Year);
        Assert.Empty(response.Facets.Source);
    }

    [Fact]
    public async Task YearAndSourceFiltersRoundTripWithTheirFacets()
    {
        var response = await _client.SearchAsync(new SearchQuery { Years = ["2020"], Sources = ["example.de"] });

        Assert.Equal(2, response.Total);
        Assert.Equal(["haeuser-1", "strasse-1"], response.Hits.Select(hit => hit.Id).Order());
        Assert.Equal([new FacetCount("2020", 2)], response.Facets.Year);
        Assert.Equal(["beispiel.de:1", "example.de:2"], response.Facets.Source.Select(f => $"{f.Value}:{f.Count}").Order());
        Assert.Equal([new FacetCount("2020-11", 2)], response.Facets.Month);
    }

    [Fact]
    public async Task RepeatedMonthsCombineAndKeepTheOtherMonthsInTheFacet()
    {
        var response = await _client.SearchAsync(new SearchQuery { Q = "Gespräch", Months = ["2020-12", "2021-01"] });

        Assert.Equal(["bodensee-1", "gespraech-1"], response.Hits.Select(hit => hit.Id).Order());
        Assert.Equal(["2021-12:1", "2021-01:1", "2020-12:1"], response.Facets.Month.Select(f => $"{f.Value}:{f.Count}"));
    }

    [Fact]
    public async Task FromToAndSortRoundTrip()
    {
        var oldest = await _client.SearchAsync(new SearchQuery { From = "2020-11-10", To = "2021-01", Sort = SearchSort.Oldest });
        var newest = await _client.SearchAsync(new SearchQuery { From = "2020-11-10", To = "2021-01", Sort = SearchSort.Newest });

        Assert.Equal(["strasse-1", "gespraech-1", "script-1", "bodensee-1"], oldest.Hits.Select(hit => hit.Id));
        Assert.Equal(["bodensee-1", "script-1", "gespraech-1", "strasse-1"], newest.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task PageAndSizeRoundTrip()
    {
        var response = await _client.SearchAsync(new SearchQuery { Page = 2, Size = 2 });

        Assert.Equal((2, 2, 6), (response.Page, response.Size, response.Total));
        Assert.Equal(["script-1", "gespraech-1"], response.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task SearchAllWalksEveryArticleExactlyOnceFollowingTheCursor()
    {
        var walked = new List<string>();
        await foreach (var hit in _client.SearchAllAsync(new SearchQuery { Size = 2 }))
        {
            walked.Add(hit.Id);
        }

        Assert.Equal(AllIds, walked);
    }

    [Fact]
    public async Task SearchAllStartingOnALaterPageContinuesWithTheCursor()
    {
        var walked = await _client.SearchAllAsync(new SearchQuery { Page = 2, Size = 2 }).Select(hit => hit.Id).ToListAsync();

        Assert.Equal(AllIds[2..], walked);
    }

    [Fact]
    public async Task GetArticleReturnsTheWholeArticle()
    {
        var article = await _client.GetArticleAsync("bodensee-1");

        Assert.NotNull(article);
        Assert.Equal(("bodensee-1", "Treffen am Bodensee", "2021-01-20"), (article.Id, article.Title, article.Date));
        Assert.Equal("https://example.org/bodensee-1", article.Url);
        Assert.Equal("Diplomaten bereiten am Bodensee neue Verhandlungen vor. Ort der Gespräche ist Lindau.", article.Body);
        Assert.Null(article.Caption);
    }

    [Fact]
    public async Task GetArticleForAnUnknownIdReturnsNull() =>
        Assert.Null(await _client.GetArticleAsync("no-such-id"));

    [Fact]
    public async Task RelatedArticlesLeaveOutTheArticleItselfAndAreNullForAnUnknownId()
    {
        var related = await _client.GetRelatedAsync("gespraech-1", size: 3);

        Assert.NotNull(related);
        Assert.Equal("gespraech-1", related.Id);
        Assert.InRange(related.Hits.Count, 1, 3);
        Assert.DoesNotContain("gespraech-1", related.Hits.Select(hit => hit.Id));
        Assert.Null(await _client.GetRelatedAsync("no-such-id"));
    }

    [Fact]
    public async Task RelatedWithABadSizeThrowsNamingSize()
    {
        var error = await Assert.ThrowsAsync<SearchApiException>(() => _client.GetRelatedAsync("gespraech-1", size: 0));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(["size must be between 1 and 50; got 0."], error.Errors["size"]);
    }

    [Fact]
    public async Task HealthReportsTheArticleCount()
    {
        var health = await _client.HealthAsync();

        Assert.Equal(("ok", 6), (health.Status, health.Articles));
    }

    [Fact]
    public async Task BadParameterThrowsSearchApiExceptionWithTheProblemDetails()
    {
        var error = await Assert.ThrowsAsync<SearchApiException>(() => _client.SearchAsync(new SearchQuery { Q = "Genf", Months = ["2021-13"], Size = 0 }));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("invalid_parameter", error.Code);
        Assert.Equal("One or more parameters are invalid.", error.Title);
        Assert.Equal(["month must be a month written YYYY-MM, e.g. 2021-12; got '2021-13'."], error.Errors["month"]);
        Assert.Equal(["size must be between 1 and 100; got 0."], error.Errors["size"]);
        Assert.Null(error.RetryAfter);
        Assert.Equal(
            "The search API answered 400 (invalid_parameter): One or more parameters are invalid. " +
            "month: month must be a month written YYYY-MM, e.g. 2021-12; got '2021-13'. size: size must be between 1 and 100; got 0.",
            error.Message);
    }

    [Fact]
    public async Task UnbalancedQuoteIsSearchedAsWords()
    {
        var result = await _client.SearchAsync(new SearchQuery { Q = "\"Genf" });

        Assert.Contains(result.Hits, hit => hit.Id == TestCorpus.SeedId);
    }

    [Fact]
    public async Task A404FromAnythingButAMissingArticleIsAnErrorNotNull()
    {
        var elsewhere = new NewsSearchClient(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost/nothing-here/") }));

        var error = await Assert.ThrowsAsync<SearchApiException>(() => elsewhere.GetArticleAsync(TestCorpus.SeedId));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        // An unknown path's problem has a code too (the document requires one on every problem), but not the article's.
        Assert.Equal("not_found", error.Code);
    }

    [Fact]
    public void ABaseAddressWithAPathMustEndWithASlash()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://localhost/news") };

        var error = Assert.Throws<ArgumentException>(() => new NewsSearchClient(http));

        Assert.StartsWith("The BaseAddress http://localhost/news must end with '/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestCompletesTheLastWordWithinTheFilters()
    {
        var all = await _client.SuggestAsync("Sperrung Hauptstr");
        var december = await _client.SuggestAsync("Gespr", size: 5, new SearchQuery { Months = ["2020-12"] });

        Assert.Equal("Sperrung Hauptstr", all.Query);
        Assert.Equal(new Suggestion { Text = "Sperrung Hauptstraße", Articles = 1 }, all.Suggestions[0]);
        Assert.All(december.Suggestions, suggestion => Assert.Equal(1, suggestion.Articles));
        Assert.InRange(december.Suggestions.Count, 1, 5);
    }

    [Fact]
    public async Task ATextEndingInASpaceIsASearchApiExceptionNamingQ()
    {
        var error = await Assert.ThrowsAsync<SearchApiException>(() => _client.SuggestAsync("Genf "));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.True(error.Errors.ContainsKey("q"));
    }

    [Fact]
    public async Task PrefixLastFindsTheArticleOfTheHalfTypedWord()
    {
        var response = await _client.SearchAsync(new SearchQuery { Q = "Bodens", PrefixLast = true });

        Assert.Equal("bodensee-1", response.Hits[0].Id);
        Assert.False(response.Fuzzy);
    }
}
