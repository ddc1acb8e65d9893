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
        Assert.Equal(["cursor", "from", "month", "page", "q", "size", "sort", "source", "to", "typos", "year"], parameters.Keys.Order());
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
}
