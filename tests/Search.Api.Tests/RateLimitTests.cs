using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Search.Api.Tests;

/// <summary>The API allowing three requests a minute per IP address and five per API key.</summary>
public sealed class RateLimitedSearchApiFactory : SearchApiFactory
{
    public const string AdminKey = "admin-test-key-rate";
    public const string ReadKey = "read-test-key-rate";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:AdminKey", AdminKey);
        builder.UseSetting("Search:ReadKey", ReadKey);
        builder.UseSetting("Search:Limits:RequestsPerMinute", "3");
        builder.UseSetting("Search:Limits:RequestsPerMinutePerKey", "5");
    }
}

// Checks: a client over Search:Limits:RequestsPerMinute gets 429 problem details with Retry-After (one token
// comes back every 20 s at three a minute); a client with a valid key has its own allowance, apart from its address,
// of Search:Limits:RequestsPerMinutePerKey; a key that is not valid buys no allowance of its own.
// Each test first uses up what is left of the allowance it tests, so they hold in any order.
public class RateLimitTests(RateLimitedSearchApiFactory factory) : IClassFixture<RateLimitedSearchApiFactory>
{
    [Fact]
    public async Task ClientOverItsRequestsPerMinuteGets429WithRetryAfter()
    {
        var rejected = await SendUntilRejected(factory.CreateClient());

        Assert.Equal("20", rejected.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("rate_limited", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("This client may send 3 requests a minute. Try again in 20 s (Retry-After).", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ClientWithAValidKeyHasItsOwnAllowance()
    {
        await SendUntilRejected(factory.CreateClient());
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RateLimitedSearchApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/search?q=Genf")).StatusCode);
    }

    [Fact]
    public async Task ClientWithAValidKeyOverRequestsPerMinutePerKeyGets429ThatNamesTheKeysBudget()
    {
        // The read key: the admin key's allowance is another test's.
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RateLimitedSearchApiFactory.ReadKey);

        var rejected = await SendUntilRejected(keyed, allowed: 5);

        Assert.Equal("12", rejected.Headers.RetryAfter?.ToString());
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.Equal("rate_limited", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("This key may send 5 requests a minute. Try again in 12 s (Retry-After).", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ClientWithAKeyThatIsNotValidSharesTheAllowanceOfItsAddress()
    {
        await SendUntilRejected(factory.CreateClient());
        var madeUp = factory.CreateClient();
        madeUp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made-up-key");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await madeUp.GetAsync("/health")).StatusCode);
    }

    // At three (five) a minute, the fourth (sixth) request in a row is refused at the latest.
    private static async Task<HttpResponseMessage> SendUntilRejected(HttpClient client, int allowed = 3)
    {
        for (var i = 0; i <= allowed; i++)
        {
            var response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        throw new Xunit.Sdk.XunitException($"{allowed + 1} requests in a row were all allowed at {allowed} a minute");
    }
}
