using System.Text.Json;

namespace Search.Api.Tests;

// Checks the embedding features of GET /api/search: year and source facets with multi-select semantics,
// from/to and sort, cursor paging through the whole list, and related articles.
public class FilterAndCursorEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task FacetsForYearAndSourceHonourEveryFilterButTheirOwn()
    {
        using var json = await Get("/api/search?year=2020&source=example.de");
        var facets = json.RootElement.GetProperty("facets");

        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(["2020:2"], Values(facets.GetProperty("year")));
        Assert.Equal(["beispiel.de:1", "example.de:2"], Values(facets.GetProperty("source")).Order());
        Assert.Equal(["2020-11:2"], Values(facets.GetProperty("month")));
    }

    [Fact]
    public async Task FromToAndOldestFirstListTheRangeInDateOrder()
    {
        using var json = await Get("/api/search?from=2020-11-10&to=2021-01&sort=oldest");

        Assert.Equal(["strasse-1", "gespraech-1", "script-1", "bodensee-1"], Ids(json));
    }

    [Fact]
    public async Task NextCursorWalksTheWholeListWithoutRepeats()
    {
        var walked = new List<string>();
        var url = "/api/search?size=2";
        while (true)
        {
            using var json = await Get(url);
            walked.AddRange(Ids(json));
            if (!json.RootElement.TryGetProperty("next", out var next))
            {
                break;
            }

            url = "/api/search?size=2&cursor=" + Uri.EscapeDataString(next.GetString()!);
        }

        Assert.Equal(6, walked.Count);
        Assert.Equal(walked.Distinct(), walked);
    }

    [Fact]
    public async Task RelatedAnswersForAKnownArticleAnd404ForAnUnknownOne()
    {
        using var json = await Get("/api/articles/gespraech-1/related");
        var missing = await _client.GetAsync("/api/articles/no-such-id/related");

        Assert.Equal("gespraech-1", json.RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain("gespraech-1", json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<JsonDocument> Get(string url)
    {
        var response = await _client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Ids(JsonDocument json) =>
        [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()!)];

    private static IEnumerable<string> Values(JsonElement facet) =>
        facet.EnumerateArray().Select(value => $"{value.GetProperty("value").GetString()}:{value.GetProperty("count").GetInt32()}");
}
