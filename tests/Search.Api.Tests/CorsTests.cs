using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Search.Api.Tests;

/// <summary>The API with one allowed browser origin.</summary>
public sealed class CorsSearchApiFactory : SearchApiFactory
{
    public const string AllowedOrigin = "https://news.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:CorsOrigins:0", AllowedOrigin);
    }
}

// Checks: a listed origin gets CORS headers (simple requests and preflights); any other origin gets none, neither
// on a simple request nor on a preflight, not even one that merely starts with a listed origin; and without
// configuration nothing cross-origin is allowed.
public class CorsTests(CorsSearchApiFactory factory) : IClassFixture<CorsSearchApiFactory>
{
    [Fact]
    public async Task ListedOriginMaySearch()
    {
        var response = await Send(HttpMethod.Get, "/api/search?q=Genf", CorsSearchApiFactory.AllowedOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CorsSearchApiFactory.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task ListedOriginPassesThePreflightForAWrite()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/articles/x");
        request.Headers.Add("Origin", CorsSearchApiFactory.AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("PUT", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlistedOriginGetsNoCorsHeaders()
    {
        var response = await Send(HttpMethod.Get, "/api/search?q=Genf", "https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task UnlistedOriginFailsThePreflightForAWrite()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/articles/x");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task OriginThatOnlyStartsLikeAListedOneGetsNoCorsHeaders()
    {
        var response = await Send(HttpMethod.Get, "/api/search?q=Genf", CorsSearchApiFactory.AllowedOrigin + ".evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string origin)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", origin);
        return await factory.CreateClient().SendAsync(request);
    }
}

public class NoCorsByDefaultTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task WithoutConfigurationNoOriginIsAllowed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=Genf");
        request.Headers.Add("Origin", "https://news.example");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
