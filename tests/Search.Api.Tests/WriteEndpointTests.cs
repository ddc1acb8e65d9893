using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Search.Core.Indexing;

namespace Search.Api.Tests;

/// <summary>The API with an admin key and a read key configured.</summary>
public sealed class KeyedSearchApiFactory : SearchApiFactory
{
    public const string AdminKey = "admin-test-key-0123456789";
    public const string ReadKey = "read-test-key-9876543210";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:AdminKey", AdminKey);
        builder.UseSetting("Search:ReadKey", ReadKey);
    }
}

// Checks: writes need the admin key (401 without, 403 with the read key, 403 when none is configured);
// reads need the read key once one is configured; PUT adds then updates, DELETE removes, POST takes NDJSON
// with one result per line; every acknowledged write is searchable at once; a locked index answers 503.
public class WriteEndpointTests(KeyedSearchApiFactory factory) : IClassFixture<KeyedSearchApiFactory>
{
    private static readonly object Article = new { title = "Neue Fähre über den Rhein", date = "2021-03-02", body = "Die Fähre verbindet ab Montag beide Ufer.", source = "example.de" };

    [Fact]
    public async Task WriteWithoutAKeyIs401()
    {
        var response = await factory.CreateClient().PutAsJsonAsync("/api/articles/faehre-0", Article);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task WriteWithAWrongKeyIs401AndWithTheReadKeyIs403()
    {
        var wrong = await Client("not-the-key").PutAsJsonAsync("/api/articles/faehre-0", Article);
        var read = await Client(KeyedSearchApiFactory.ReadKey).PutAsJsonAsync("/api/articles/faehre-0", Article);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Contains("read_key_cannot_write", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q=Genf")]
    [InlineData("/api/analyze?text=Genf")]
    public async Task ReadsNeedTheReadKeyOnceOneIsConfigured(string read)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(read)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(KeyedSearchApiFactory.ReadKey).GetAsync(read)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(KeyedSearchApiFactory.AdminKey).GetAsync(read)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task PutAddsThenUpdatesAndTheArticleIsSearchableAtOnce()
    {
        var admin = Client(KeyedSearchApiFactory.AdminKey);

        var added = await admin.PutAsJsonAsync("/api/articles/faehre-1", Article);
        var again = await admin.PutAsJsonAsync("/api/articles/faehre-1", Article);
        var changed = await admin.PutAsJsonAsync("/api/articles/faehre-1", new { title = "Fähre fährt doch nicht", date = "2021-03-03", body = "Verschoben." });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("/api/articles/faehre-1", added.Headers.Location?.ToString());
        Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal("updated", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        using var found = JsonDocument.Parse(await admin.GetStringAsync("/api/search?q=F%C3%A4hre%20verschoben"));
        Assert.Equal("faehre-1", Assert.Single(found.RootElement.GetProperty("hits").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task InvalidArticleIs400NamingEachField()
    {
        var response = await Client(KeyedSearchApiFactory.AdminKey).PutAsJsonAsync("/api/articles/bad-1", new { title = "", date = "2021-13-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["body", "date", "title"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("date must be YYYY-MM-DD or YYYY-MM, e.g. 2021-12-09; got '2021-13-01'.", errors.GetProperty("date")[0].GetString());
    }

    [Fact]
    public async Task SourceLongerThanAFacetValueMayBeIs400NotA500()
    {
        var article = new { title = "Lange Quelle", date = "2021-01-05", body = "Text.", source = new string('q', 40_000) };

        var response = await Client(KeyedSearchApiFactory.AdminKey).PutAsJsonAsync("/api/articles/long-source-1", article);

        await ProblemAssert.IsBadRequestNaming(response, "source", "source may have at most 200 characters; it has 40000.");
        Assert.Equal(HttpStatusCode.NotFound, (await Client(KeyedSearchApiFactory.AdminKey).GetAsync("/api/articles/long-source-1")).StatusCode);
    }

    [Fact]
    public async Task DeleteRemovesTheArticleAndAnswers404ForAnUnknownOne()
    {
        var admin = Client(KeyedSearchApiFactory.AdminKey);
        await admin.PutAsJsonAsync("/api/articles/faehre-2", Article);

        var deleted = await admin.DeleteAsync("/api/articles/faehre-2");
        var again = await admin.DeleteAsync("/api/articles/faehre-2");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/articles/faehre-2")).StatusCode);
    }

    [Fact]
    public async Task BulkNdjsonStoresValidLinesAndReportsEachLine()
    {
        var body = string.Join('\n',
            JsonSerializer.Serialize(new { id = "bulk-1", title = "Erste Meldung", date = "2021-03-01", body = "Text eins." }),
            "",
            "{kaputt",
            JsonSerializer.Serialize(new { id = "bulk-2", title = "Zweite Meldung", date = "2021-03", body = "Text zwei." }),
            JsonSerializer.Serialize(new { id = "bulk-3", title = "Ohne Datum", body = "Text drei." }));
        var response = await Client(KeyedSearchApiFactory.AdminKey).PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((2, 2), (json.RootElement.GetProperty("added").GetInt32(), json.RootElement.GetProperty("failed").GetInt32()));
        Assert.Equal(
            ["1:bulk-1:added", "3::error", "4:bulk-2:added", "5::error"],
            json.RootElement.GetProperty("lines").EnumerateArray().Select(line =>
                $"{line.GetProperty("line").GetInt32()}:{(line.TryGetProperty("id", out var id) ? id.GetString() : "")}:{line.GetProperty("result").GetString()}"));
        Assert.Equal(HttpStatusCode.OK, (await Client(KeyedSearchApiFactory.ReadKey).GetAsync("/api/articles/bulk-2")).StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/api/articles/plain-1")]
    [InlineData("POST", "/api/articles")]
    public async Task BodyOfAnotherContentTypeIs415ProblemWithACode(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"id\":\"plain-1\"}", Encoding.UTF8, "text/plain") };

        var response = await Client(KeyedSearchApiFactory.AdminKey).SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unsupported_media_type", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("The request body must be application/json for PUT /api/articles/{id} and application/x-ndjson (one article per line) for " +
            "POST /api/articles; send it with that Content-Type.", problem.RootElement.GetProperty("detail").GetString());
        Assert.StartsWith("00-", problem.RootElement.GetProperty("traceId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteWhileAnotherIndexerHoldsTheIndexIs503WithRetryAfter()
    {
        var admin = Client(KeyedSearchApiFactory.AdminKey);
        await admin.GetAsync("/health");
        using var indexer = ArticleIndexWriter.Open(factory.IndexPath);

        var response = await admin.PutAsJsonAsync("/api/articles/faehre-3", Article);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Contains("locked by another writer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}

public class ReadOnlyServiceTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task WithoutAnAdminKeyWritesAreRefused()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything");

        var response = await client.PutAsJsonAsync("/api/articles/x", new { title = "T", date = "2021-01-01", body = "B" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Set Search:AdminKey to allow writes.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
