using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Search.Api.Tests;

// Checks: /health/live answers 200 as soon as the process answers; /health/ready answers 503 while the index warms up
// (Search:WarmUpSeconds, in the background) and 200 once it has, when the warm-up is logged; searches are answered
// during the warm-up too; neither probe is rate limited; /health keeps its JSON.
[Collection(CpuHeavyRunsAlone.Name)]
public class HealthProbeTests
{
    [Fact]
    public async Task ReadyAnswers503WhileTheIndexWarmsUpAnd200AfterwardsWhileLiveAnswers200Throughout()
    {
        var log = new CapturedLog();
        // A cap far above the warm-up's own end (when the JIT has settled, at least two one-second windows).
        await using var api = new LoopbackSearchApi(log) { WarmUpSeconds = "60" };
        using var client = new HttpClient { BaseAddress = api.Start() };

        using var live = await client.GetAsync("health/live");
        using var ready = await client.GetAsync("health/ready");
        var warmedUpBefore = log.Entries.Any(entry => entry.Contains("Warmed up with", StringComparison.Ordinal));

        Assert.False(warmedUpBefore, "the warm-up finished before the first probe; nothing was observed during it");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", LoopbackSearchApi.ReadKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/search?q=Genf")).StatusCode);

        await WaitUntilReady(client, TimeSpan.FromSeconds(90));

        Assert.Contains(log.Entries, entry => entry.Contains("Warmed up with", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task ProbesAreNotRateLimitedWhileHealthStaysAsItWas()
    {
        await using var factory = new OneRequestAMinuteApiFactory();
        using var client = factory.CreateClient();
        await WaitUntilReady(client, TimeSpan.FromSeconds(60));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Matches("""^\{"status":"ok","articles":[0-9]+\}$""", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/health")).StatusCode);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; returns how long that took.</summary>
    internal static async Task<TimeSpan> WaitUntilReady(HttpClient client, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
                return clock.Elapsed;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(clock.Elapsed < timeout, $"/health/ready still answered 503 after {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    private sealed class OneRequestAMinuteApiFactory : SearchApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:Limits:RequestsPerMinute", "1");
        }
    }
}
