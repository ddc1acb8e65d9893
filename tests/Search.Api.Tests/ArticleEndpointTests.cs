using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

public class ArticleEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task KnownIdReturnsTheWholeArticle()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/articles/000_93a5ca4044152280"));
        var article = json.RootElement;

        Assert.Equal("2021-12", article.GetProperty("date").GetString());
        Assert.StartsWith("Angesichts der Spannungen", article.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("zurückgewiesen.", article.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Das letzte Ferngespräch", article.GetProperty("caption").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIdAnswers404ProblemDetails()
    {
        var response = await _client.GetAsync("/api/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("There is no article with id 'no-such-article'. Ids come from the hits of /api/search.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("article_not_found", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task HealthReportsTheNumberOfArticles()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/health"));

        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task UnknownRouteAnswersProblemDetails()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
