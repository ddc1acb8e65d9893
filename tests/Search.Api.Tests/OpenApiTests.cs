using System.Text.Json;

namespace Search.Api.Tests;

public class OpenApiTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DocumentDescribesEverySearchParameter()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var search = json.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get");

        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        Assert.Equal(["cursor", "from", "month", "page", "prefix", "q", "size", "sort", "source", "to", "typos", "year"], parameters.Keys.Order());
        Assert.All(parameters.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
        Assert.Equal("array", parameters["month"].GetProperty("schema").GetProperty("type").GetString());
        Assert.True(search.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task DocumentListsArticleAndHealthEndpoints()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");

        Assert.True(paths.GetProperty("/api/articles/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task DocumentDescribesSuggestWithARealExampleAndItsErrors()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var suggest = json.RootElement.GetProperty("paths").GetProperty("/api/suggest").GetProperty("get");

        var parameters = suggest.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        Assert.Equal(["from", "month", "q", "size", "source", "to", "year"], parameters.Keys.Order());
        Assert.All(parameters.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
        var example = suggest.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        using var real = JsonDocument.Parse(await _client.GetStringAsync($"/api/suggest?q={Uri.EscapeDataString(example.GetProperty("query").GetString()!)}"));
        // The example is the answer of the README's service (the seeds alone); this index has more articles with the word.
        Assert.Equal(Texts(real.RootElement), Texts(example));
        var problems = suggest.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("examples");
        Assert.True(problems.TryGetProperty("invalid_parameter", out _));
    }

    [Theory]
    [InlineData("ProblemDetails")]
    [InlineData("HttpValidationProblemDetails")]
    public async Task ProblemSchemasRequireCodeAndTraceIdAsStrings(string name)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var schema = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

        Assert.Equal("string", schema.GetProperty("properties").GetProperty("code").GetProperty("type").GetString());
        Assert.Equal("string", schema.GetProperty("properties").GetProperty("traceId").GetProperty("type").GetString());
        Assert.Equal(["code", "traceId"], schema.GetProperty("required").EnumerateArray().Select(item => item.GetString()).Order());
    }

    [Fact]
    public async Task SearchSwitchesAreTypedAsABooleanAndEnums()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var parameters = json.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

        Assert.Equal("boolean", parameters["typos"].GetProperty("type").GetString());
        Assert.True(parameters["typos"].GetProperty("default").GetBoolean());
        Assert.Equal(["relevance", "fresh", "newest", "oldest"], parameters["sort"].GetProperty("enum").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(["last", "none"], parameters["prefix"].GetProperty("enum").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public async Task BulkBodyIsAStreamOfNdjsonAndWrongContentTypesAreDocumented()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        var post = paths.GetProperty("/api/articles").GetProperty("post");

        var body = post.GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["application/x-ndjson"], body.EnumerateObject().Select(media => media.Name));
        var schema = Resolve(json.RootElement, body.GetProperty("application/x-ndjson").GetProperty("schema"));
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal("binary", schema.GetProperty("format").GetString());
        foreach (var write in new[] { post, paths.GetProperty("/api/articles/{id}").GetProperty("put") })
        {
            var examples = write.GetProperty("responses").GetProperty("415").GetProperty("content").GetProperty("application/problem+json").GetProperty("examples");
            Assert.True(examples.TryGetProperty("unsupported_media_type", out _));
        }
    }

    [Fact]
    public async Task DocumentNamesNoHostAndHealthNeedsNoKey()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var root = json.RootElement;

        Assert.Equal(["/"], root.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()));
        Assert.Equal(0, root.GetProperty("paths").GetProperty("/health").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.All(root.GetProperty("tags").EnumerateArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag.GetProperty("description").GetString())));
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static List<string?> Texts(JsonElement response) =>
        [response.GetProperty("query").GetString(), .. response.GetProperty("suggestions").EnumerateArray().Select(item => item.GetProperty("text").GetString())];
}
