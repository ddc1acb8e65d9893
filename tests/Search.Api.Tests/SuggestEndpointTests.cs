using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

// GET /api/suggest and /api/search?prefix=last through the real HTTP pipeline: the response shape, completions written
// as the articles write them, filters, the read key, and one 400 per bad parameter.
public sealed class SuggestEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AHalfTypedWordCompletesToTheWordsTheArticlesWrite()
    {
        using var json = await GetJson("/api/suggest?q=gespr");
        var root = json.RootElement;

        Assert.Equal(["query", "suggestions"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("gespr", root.GetProperty("query").GetString());
        var first = root.GetProperty("suggestions").EnumerateArray().First();
        Assert.Equal(["text", "articles"], first.EnumerateObject().Select(property => property.Name));
        Assert.StartsWith("Gespräch", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("articles").GetInt32() >= 2);
    }

    [Fact]
    public async Task TheWordsBeforeTheLastStayAsTypedAndSsCompletesToSharpS()
    {
        using var json = await GetJson("/api/suggest?q=Sperrung%20Hauptstrasse");

        Assert.Equal("Sperrung Hauptstraße", json.RootElement.GetProperty("suggestions")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task AMonthFilterCountsWithinTheMonth()
    {
        using var all = await GetJson("/api/suggest?q=Gespr");
        using var december = await GetJson("/api/suggest?q=Gespr&month=2020-12");

        var inDecember = december.RootElement.GetProperty("suggestions").EnumerateArray().Select(item => item.GetProperty("articles").GetInt32()).ToList();
        Assert.NotEmpty(inDecember);
        Assert.All(inDecember, count => Assert.Equal(1, count));
        Assert.True(all.RootElement.GetProperty("suggestions")[0].GetProperty("articles").GetInt32() > 1);
    }

    [Fact]
    public async Task SizeLimitsTheSuggestions()
    {
        using var json = await GetJson("/api/suggest?q=b&size=1");

        Assert.Single(json.RootElement.GetProperty("suggestions").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/suggest", "q", "q is required: what the reader has typed, ending in the word to complete, e.g. q=Wirec.")]
    [InlineData("/api/suggest?q=Genf%20", "q", "q must end in the word being typed (a letter or digit), e.g. q=Wirec or q=Lukaschenko%20Prot; after a space or punctuation there is nothing to complete.")]
    [InlineData("/api/suggest?q=Genf&size=0", "size", "size must be between 1 and 20; got 0.")]
    [InlineData("/api/suggest?q=Genf&size=21", "size", "size must be between 1 and 20; got 21.")]
    [InlineData("/api/suggest?q=Genf&month=2021-13", "month", "month must be a month written YYYY-MM, e.g. 2021-12; got '2021-13'.")]
    [InlineData("/api/search?q=Genf&prefix=first", "prefix", "prefix must be last or none; got 'first'.")]
    public async Task BadParametersAre400sThatNameTheParameter(string url, string parameter, string message)
    {
        await ProblemAssert.IsBadRequestNaming(await _client.GetAsync(url), parameter, message);
    }

    [Fact]
    public async Task ATextLongerThanAHundredCharactersIsA400NamingQ()
    {
        await ProblemAssert.IsBadRequestNaming(await _client.GetAsync($"/api/suggest?q={new string('a', 101)}"), "q", "q must be at most 100 characters; it has 101.");
    }

    [Fact]
    public async Task PrefixLastFindsTheArticlesOfTheWordBeingTyped()
    {
        using var typing = await GetJson("/api/search?q=Bodens&prefix=last");
        using var whole = await GetJson("/api/search?q=Bodens");

        Assert.Equal("bodensee-1", typing.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.False(typing.RootElement.TryGetProperty("didYouMean", out _));
        Assert.False(typing.RootElement.GetProperty("fuzzy").GetBoolean());
        // As a whole word, the half word is only found by the typo retry.
        Assert.True(whole.RootElement.GetProperty("fuzzy").GetBoolean());
    }

    [Fact]
    public async Task AWrittenArticleIsCompletedOnceItsSnapshotIsBuilt()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        using var write = new KeyedSearchApiFactory();
        var client = write.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSearchApiFactory.AdminKey);
        var put = await client.PutAsJsonAsync("/api/articles/zeppelin-1", new { title = "Die Zeppelinwerft", date = "2021-02-01", body = "Die Zeppelinwerft baut wieder." });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        string? text = null;
        while (text is null && DateTime.UtcNow < deadline)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=Zeppelinw"));
            text = json.RootElement.GetProperty("suggestions").EnumerateArray().Select(item => item.GetProperty("text").GetString()).FirstOrDefault();
            await Task.Delay(text is null ? 50 : 0);
        }

        Assert.Equal("Zeppelinwerft", text);
    }

    [Fact]
    public async Task SuggestNeedsTheReadKeyWhenOneIsConfigured()
    {
        using var keyed = new KeyedSearchApiFactory();
        var client = keyed.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/suggest?q=Gespr")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSearchApiFactory.ReadKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/suggest?q=Gespr")).StatusCode);
    }

    private async Task<JsonDocument> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
