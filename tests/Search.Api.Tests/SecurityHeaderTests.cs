using System.Net;
using System.Net.Http.Json;

namespace Search.Api.Tests;

// Checks: every response, the web page as well as API answers of every kind (results, 400 from validation, 400 from
// the query engine, 404, the read-only 403, the OpenAPI document, static scripts), carries X-Content-Type-Options:
// nosniff, a Content-Security-Policy that allows only the service's own resources and framing by itself
// (frame-ancestors 'self'), and Referrer-Policy: no-referrer.
public class SecurityHeaderTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    public static TheoryData<string, HttpStatusCode> Reads => new()
    {
        { "/", HttpStatusCode.OK },
        { "/widget.js", HttpStatusCode.OK },
        { "/health", HttpStatusCode.OK },
        { "/openapi/v1.json", HttpStatusCode.OK },
        { "/api/search?q=Genf", HttpStatusCode.OK },
        { "/api/articles/haeuser-1", HttpStatusCode.OK },
        { "/api/search?q=Genf&size=0", HttpStatusCode.BadRequest },
        { "/api/search?q=a*", HttpStatusCode.BadRequest },
        { "/api/articles/nope", HttpStatusCode.NotFound },
        { "/no/such/page", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task RefusedWriteCarriesTheSecurityHeaders()
    {
        var response = await factory.CreateClient().PutAsJsonAsync("/api/articles/x", new { title = "T", date = "2021-01-01", body = "B" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
    }
}
