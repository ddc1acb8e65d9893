using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Api.Tests;

// Checks: the OpenAPI document has examples for /api/search (parameters, the 200 answer, each kind of 400), the
// /api/suggest example completes its example text as the service does, every
// operation documents 429 with Retry-After, every error response has a problem details example, and writes name the
// bearer scheme; the Scalar reference at /scalar answers 200, loads its bundle from this service and runs its one
// inline script by nonce, while every other response keeps the strict Content-Security-Policy.
public partial class ApiReferenceTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DocumentHasExamplesForSearch()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var search = json.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get");

        var q = search.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "q");
        Assert.Equal("Genf Gespräche", q.GetProperty("example").GetString());
        var ok = search.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Genf Gespräche", ok.GetProperty("query").GetString());
        Assert.Contains("<mark>Genf</mark>", ok.GetProperty("hits")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var badRequests = search.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("examples");
        Assert.Equal(["invalid_parameter", "prefix_too_short", "too_many_clauses", "too_many_expansions"],
            badRequests.EnumerateObject().Select(example => example.Name).Order());
    }

    [Fact]
    public async Task TheSuggestExampleIsWhatTheServiceAnswersForItsExampleText()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var suggest = json.RootElement.GetProperty("paths").GetProperty("/api/suggest").GetProperty("get");
        var q = suggest.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "q").GetProperty("example").GetString()!;
        var example = suggest.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");

        using var answer = JsonDocument.Parse(await _client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString(q)));

        Assert.Equal("Genf Gespr", q);
        // The same completions (this fixture holds more articles than seeds/, so the counts differ).
        Assert.Equal(example.GetProperty("query").GetString(), answer.RootElement.GetProperty("query").GetString());
        Assert.Equal(Texts(example), Texts(answer.RootElement));

        static List<string?> Texts(JsonElement response) => [.. response.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("text").GetString())];
    }

    [Fact]
    public async Task EveryOperationDocumentsRateLimitingWithRetryAfter()
    {
        foreach (var (name, operation) in await Operations())
        {
            var tooMany = operation.GetProperty("responses").GetProperty("429");
            Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _), name);
            Assert.Equal("rate_limited", tooMany.GetProperty("content").GetProperty("application/problem+json").GetProperty("examples")
                .GetProperty("rate_limited").GetProperty("value").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task EveryErrorResponseHasAProblemDetailsExample()
    {
        foreach (var (name, operation) in await Operations())
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(response => int.Parse(response.Name, CultureInfo.InvariantCulture) >= 400))
            {
                var examples = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("examples");
                Assert.True(examples.EnumerateObject().Any(), $"{name} {response.Name}");
                Assert.All(examples.EnumerateObject(), example =>
                    Assert.Equal(int.Parse(response.Name, CultureInfo.InvariantCulture), example.Value.GetProperty("value").GetProperty("status").GetInt32()));
            }
        }
    }

    [Fact]
    public async Task WritesNameTheBearerSchemeAndTheirErrors()
    {
        var operations = await Operations();
        var put = operations["put /api/articles/{id}"];

        // 202 only in cluster mode (stored in the log, not yet applied on the node), documented all the same.
        Assert.Equal(["200", "201", "202", "400", "401", "403", "413", "415", "429", "503", "507"], put.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
        Assert.True(put.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.NotNull(put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ReferencePageAnswers200AndRunsOnlyItsOwnScripts()
    {
        var page = await _client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.All(ScriptTags().Matches(html), script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("https://", string.Join(' ', ScriptTags().Matches(html).Select(script => script.Value)), StringComparison.Ordinal);

        var bundle = await _client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task OtherResponsesKeepTheStrictContentSecurityPolicy()
    {
        var health = await _client.GetAsync("/health");

        var policy = string.Join(' ', health.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, JsonElement>> Operations()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        return json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", operation.Value)))
            .ToDictionary(operation => operation.Name, operation => operation.Value.Clone());
    }

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTags();
}
