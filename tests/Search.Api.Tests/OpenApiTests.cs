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

    private static List<string?> Texts(JsonElement response) =>
        [response.GetProperty("query").GetString(), .. response.GetProperty("suggestions").EnumerateArray().Select(item => item.GetProperty("text").GetString())];
}
