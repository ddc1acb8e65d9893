using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Search.Core.Querying;

namespace Search.Api.Tests;

/// <summary>The API with low limits, so each one is easy to exceed.</summary>
public sealed class SmallLimitsSearchApiFactory : SearchApiFactory
{
    public const string AdminKey = "admin-test-key-limits";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:AdminKey", AdminKey);
        builder.UseSetting("Search:Limits:MaxClauses", "10");
        builder.UseSetting("Search:Limits:MaxTermExpansions", "3");
        builder.UseSetting("Search:Limits:MaxArticleBodyBytes", "2000");
        builder.UseSetting("Search:Limits:MaxBulkBodyBytes", "4000");
        builder.UseSetting("Search:Limits:QueryTimeBudgetMs", "1500");
    }
}

// Checks: every limit of Search:Limits answers problem details with a stable code that names what to change —
// 400 for a one-letter prefix, a prefix matching too many words and too many clauses (also at the default limit),
// 413 for a body over the cap with or without Content-Length; the engine gets the configured limits and time budget.
public class LimitTests(SmallLimitsSearchApiFactory factory, SearchApiFactory defaults)
    : IClassFixture<SmallLimitsSearchApiFactory>, IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task OneLetterPrefixIsRefused()
    {
        var response = await factory.CreateClient().GetAsync("/api/search?q=a*");

        await ProblemAssert.IsBadRequestNaming(response, "q", "q: 'a*' needs at least 2 characters before *; a shorter prefix matches too many words.");
        Assert.Equal("prefix_too_short", await Code(response));
    }

    [Fact]
    public async Task PrefixMatchingMoreWordsThanTheCapIsRefused()
    {
        var response = await factory.CreateClient().GetAsync("/api/search?q=ge*");

        await ProblemAssert.IsBadRequestNaming(response, "q",
            "q: 'ge*' matches more than 3 different words in the index; make it more specific (a longer prefix before *).");
        Assert.Equal("too_many_expansions", await Code(response));
    }

    [Fact]
    public async Task PrefixWithinTheCapAndFuzzyWordsStillSearch()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=Kommentar*")).StatusCode);
        using var fuzzy = JsonDocument.Parse(await defaults.CreateClient().GetStringAsync("/api/search?q=Gesprech~"));
        Assert.True(fuzzy.RootElement.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task QueryWithMoreClausesThanTheLimitIsRefused()
    {
        var response = await factory.CreateClient().GetAsync("/api/search?q=Genf%20Gespr%C3%A4che%20Ukraine%20Biden");

        await ProblemAssert.IsBadRequestNaming(response, "q",
            "q has 24 search terms (each word is looked up in title, body and caption, whole and as a compound part; a fuzzy word~ counts 50 per field); at most 10 are allowed. Use fewer words.");
        Assert.Equal("too_many_clauses", await Code(response));
    }

    [Fact]
    public async Task DefaultClauseLimitRefusesFiveHundredOneLetterWords()
    {
        var q = string.Join(' ', Enumerable.Repeat("x", 500));

        var response = await defaults.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(q));

        await ProblemAssert.IsBadRequestNaming(response, "q",
            "q has 3,000 search terms (each word is looked up in title, body and caption, whole and as a compound part; a fuzzy word~ counts 50 per field); at most 1,024 are allowed. Use fewer words.");
    }

    [Fact]
    public async Task ArticleBodyOverTheCapIs413()
    {
        var response = await Admin().PutAsync("/api/articles/gross-1", Json(Article("gross-1", 3000)));

        await AssertTooLarge(response, "This endpoint accepts request bodies of at most 2,000 bytes; split a bulk upload into several requests.");
    }

    [Fact]
    public async Task ArticleBodyUnderTheCapIsStored()
    {
        var response = await Admin().PutAsync("/api/articles/klein-1", Json(Article("klein-1", 500)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task BulkBodyOverTheCapIs413()
    {
        var response = await Admin().PostAsync("/api/articles", Ndjson(5000, knownLength: true));

        await AssertTooLarge(response, "This endpoint accepts request bodies of at most 4,000 bytes; split a bulk upload into several requests.");
    }

    [Fact]
    public async Task BulkBodyWithoutContentLengthIsCountedAsItIsRead()
    {
        var content = Ndjson(5000, knownLength: false);
        Assert.Null(content.Headers.ContentLength);

        var response = await Admin().PostAsync("/api/articles", content);

        await AssertTooLarge(response, "This endpoint accepts request bodies of at most 4,000 bytes; split a bulk upload into several requests.");
    }

    [Fact]
    public void EngineGetsTheConfiguredLimitsAndTimeBudget()
    {
        var searcher = factory.Services.GetRequiredService<ArticleSearcher>();

        Assert.Equal(TimeSpan.FromMilliseconds(1500), searcher.TimeBudget);
        Assert.Equal(new QueryLimits { MaxClauses = 10, MaxTermExpansions = 3 }, searcher.QueryLimits);
    }

    private HttpClient Admin()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SmallLimitsSearchApiFactory.AdminKey);
        return client;
    }

    private static string Article(string id, int bodyLength) => JsonSerializer.Serialize(new
    {
        id,
        title = "Eine lange Meldung",
        date = "2021-05-05",
        body = string.Concat(Enumerable.Repeat("Wetter ", bodyLength / 7 + 1))[..bodyLength],
    });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpContent Ndjson(int minimumLength, bool knownLength)
    {
        var lines = new StringBuilder();
        for (var i = 0; lines.Length < minimumLength; i++)
        {
            lines.Append(Article($"bulk-{i}", 100)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(lines.ToString());
        HttpContent content = knownLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static async Task AssertTooLarge(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("body_too_large", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private static async Task<string?> Code(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("code").GetString();
    }

    // A body whose length HttpClient cannot know in advance, as a streaming client would send it.
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
