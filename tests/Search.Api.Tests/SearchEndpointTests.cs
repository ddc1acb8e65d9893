using System.Net;
using System.Text.Json;
using Search.Tests.Shared;

namespace Search.Api.Tests;

// Checks GET /api/search through the real HTTP pipeline: the response shape and names other apps rely on,
// highlighting, month facets with and without the month filter, escaping, and one 400 per bad parameter.
public class SearchEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GenfGespraecheFindsTheSeedArticleWithMarksAndItsMonth()
    {
        using var json = await GetJson("/api/search?q=Genf%20Gespr%C3%A4che");
        var root = json.RootElement;

        Assert.Equal(["query", "total", "page", "size", "tookMs", "hits", "facets", "partial", "fuzzy"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("partial").GetBoolean());
        Assert.Equal("Genf Gespräche", root.GetProperty("query").GetString());
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal((1, 10), (root.GetProperty("page").GetInt32(), root.GetProperty("size").GetInt32()));
        Assert.True(root.GetProperty("tookMs").GetDouble() >= 0);

        var hit = Assert.Single(root.GetProperty("hits").EnumerateArray());
        Assert.Equal(["id", "title", "date", "caption", "score", "snippet", "titleHtml", "captionHtml"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("000_93a5ca4044152280", hit.GetProperty("id").GetString());
        Assert.Equal("2021-12", hit.GetProperty("date").GetString());
        Assert.StartsWith("Das letzte Ferngespräch", hit.GetProperty("caption").GetString(), StringComparison.Ordinal);
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        var snippet = hit.GetProperty("snippet").GetString();
        Assert.Contains("<mark>Genf</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Gespräche</mark>", snippet, StringComparison.Ordinal);

        var month = Assert.Single(root.GetProperty("facets").GetProperty("month").EnumerateArray());
        Assert.Equal(("2021-12", 1), (month.GetProperty("value").GetString(), month.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task MonthFilterKeepsTheOtherMonthsInTheFacet()
    {
        using var json = await GetJson("/api/search?q=Gespr%C3%A4ch&month=2020-12");
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal("gespraech-1", Assert.Single(root.GetProperty("hits").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(
            ["2021-12:1", "2021-01:1", "2020-12:1"],
            root.GetProperty("facets").GetProperty("month").EnumerateArray().Select(m => $"{m.GetProperty("value").GetString()}:{m.GetProperty("count").GetInt32()}"));
    }

    [Fact]
    public async Task RepeatedMonthParametersAreCombined()
    {
        using var json = await GetJson("/api/search?q=Gespr%C3%A4ch&month=2020-12&month=2021-01");

        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AWordOnlyInTheTitleIsMarkedInTitleHtml()
    {
        using var json = await GetJson("/api/search?q=Stadtrand");

        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal("Neue Häuser am Stadtrand", hit.GetProperty("title").GetString());
        Assert.Equal("Neue Häuser am <mark>Stadtrand</mark>", hit.GetProperty("titleHtml").GetString());
        Assert.DoesNotContain("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWordInTheCaptionIsMarkedInCaptionHtml()
    {
        using var json = await GetJson("/api/search?q=Ferngespr%C3%A4ch");

        var hit = json.RootElement.GetProperty("hits").EnumerateArray().Single(hit => hit.GetProperty("id").GetString() == TestCorpus.SeedId);
        Assert.StartsWith("Das letzte <mark>Ferngespräch</mark>", hit.GetProperty("captionHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInATitleComesBackEscapedInTitleHtml()
    {
        using var json = await GetJson("/api/search?q=Kommentarfeld");

        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal("Angriff mit &lt;script&gt; im <mark>Kommentarfeld</mark>", hit.GetProperty("titleHtml").GetString());
    }

    [Fact]
    public async Task ScriptInAnArticleComesBackEscaped()
    {
        var body = await _client.GetStringAsync("/api/search?q=Kommentarfeld");
        using var json = JsonDocument.Parse(body);

        var snippet = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray()).GetProperty("snippet").GetString();
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceIsReturnedAndAbsentCaptionIsOmitted()
    {
        using var json = await GetJson("/api/search?q=Stadtrand");

        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal("example.de", hit.GetProperty("source").GetString());
        Assert.False(hit.TryGetProperty("caption", out _));
    }

    [Fact]
    public async Task EmptyQueryListsArticlesNewestFirstWithPaging()
    {
        using var json = await GetJson("/api/search?size=2&page=2");

        Assert.Equal(6, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(["script-1", "gespraech-1"], json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("month=2021-13", "month", "month must be a month written YYYY-MM, e.g. 2021-12; got '2021-13'.")]
    [InlineData("month=Dezember", "month", "month must be a month written YYYY-MM, e.g. 2021-12; got 'Dezember'.")]
    [InlineData("month=2021-12&month=2021-1", "month", "month must be a month written YYYY-MM, e.g. 2021-12; got '2021-1'.")]
    [InlineData("size=0", "size", "size must be between 1 and 100; got 0.")]
    [InlineData("size=101", "size", "size must be between 1 and 100; got 101.")]
    [InlineData("page=0", "page", "page must be 1 or more; got 0.")]
    [InlineData("page=-3", "page", "page must be 1 or more; got -3.")]
    [InlineData("page=101&size=100", "page", "page × size may be at most 10000; got 101 × 100. To go deeper, follow the cursor: pass the response's 'next' value as cursor.")]
    [InlineData("year=21", "year", "year must be four digits, e.g. 2021; got '21'.")]
    [InlineData("from=2021-02-30", "from", "from must be a day YYYY-MM-DD or a month YYYY-MM; got '2021-02-30'.")]
    [InlineData("to=gestern", "to", "to must be a day YYYY-MM-DD or a month YYYY-MM; got 'gestern'.")]
    [InlineData("from=2021-02&to=2021-01", "from", "from (2021-02) must not be after to (2021-01).")]
    [InlineData("sort=popular", "sort", "sort must be one of relevance, fresh, newest, oldest; got 'popular'.")]
    [InlineData("cursor=abc&page=2", "cursor", "cursor and page cannot be combined; a cursor already says where the next page starts. Leave page out.")]
    [InlineData("cursor=bm9wZQ", "cursor", "cursor is not a token this service issued; pass the 'next' value of a previous response unchanged.")]
    [InlineData("page=abc", "page", "Failed to bind parameter \"int page\" from \"abc\".")]
    [InlineData("size=1e3", "size", "Failed to bind parameter \"int size\" from \"1e3\".")]
    public async Task BadParameterAnswersProblemDetailsNamingIt(string query, string parameter, string message) =>
        await ProblemAssert.IsBadRequestNaming(await _client.GetAsync($"/api/search?q=Genf&{query}"), parameter, message);

    [Fact]
    public async Task QueryLongerThanAThousandCharactersIsRejected() =>
        await ProblemAssert.IsBadRequestNaming(await _client.GetAsync("/api/search?q=" + new string('a', 1001)), "q", "q must be at most 1000 characters; it has 1001.");

    [Theory]
    [InlineData("%22Genf")]
    [InlineData("(Genf")]
    [InlineData("*Genf")]
    [InlineData("Genf%20AND")]
    [InlineData("Genf%20%5B%20OR")]
    [InlineData("Genf:%20Ukraine")]
    public async Task TextThatIsNotQuerySyntaxIsSearchedAsWords(string q)
    {
        using var json = await GetJson($"/api/search?q={q}");

        Assert.Contains(json.RootElement.GetProperty("hits").EnumerateArray(), hit => hit.GetProperty("id").GetString() == TestCorpus.SeedId);
    }

    [Fact]
    public async Task MisspeltQueryAnswersWithADidYouMeanAndTypoTolerantHits()
    {
        using var json = await GetJson("/api/search?q=Gespraech%20B%C3%BCrgermeistr");

        Assert.Equal("Gespraech Bürgermeister", json.RootElement.GetProperty("didYouMean").GetString());
        Assert.True(json.RootElement.GetProperty("fuzzy").GetBoolean());
        Assert.Equal("gespraech-1", json.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task TyposFalseFindsExactlyTheWordsAsTypedWithoutASuggestion()
    {
        using var json = await GetJson("/api/search?q=Gespraech%20B%C3%BCrgermeistr&typos=false");

        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("didYouMean", out _));
        Assert.False(json.RootElement.GetProperty("fuzzy").GetBoolean());
    }

    [Fact]
    public async Task TyposOtherThanTrueOrFalseIsA400NamingTheAllowedValues()
    {
        var response = await _client.GetAsync("/api/search?q=Genf&typos=maybe");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("typos must be true or false; got 'maybe'.", body, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
