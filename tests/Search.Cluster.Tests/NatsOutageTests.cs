using System.Diagnostics;
using System.Net;
using Search.Tests.Shared;

namespace Search.Cluster.Tests;

// Every NATS server gone: a write answers 503 with Retry-After and code cluster_unavailable (never a 500, never an
// acknowledgement), reads go on from the node's index, also after the node itself restarts without NATS; when NATS is
// back the node reconnects by itself and writes are acknowledged again.
[Collection(ClusterProcesses.Name)]
public sealed class NatsOutageTests
{
    private static readonly Dictionary<string, string> QuickTimeouts = new()
    {
        ["Search__Cluster__Replicas"] = "1",
        ["Search__Cluster__AckTimeoutSeconds"] = "2",
    };

    [Fact]
    public async Task WithEveryNatsServerGoneAWriteAnswers503WithRetryAfterWhileReadsGoOn()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        await using var node = await NodeProcess.StartAsync(servers.Urls, "node-o", settings: QuickTimeouts);
        await WaitForAsync(async () => (await node.HealthAsync()).Connected, "the node to connect");
        using (var before = await node.PutAsync("ausfall-vorher", "Vor dem Ausfall", "Geschrieben vor dem stromausfall."))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        servers.Kill(0);

        await AssertWriteRefusedAsync(node, "ausfall-waehrend");
        Assert.NotNull(await node.BodyOfAsync("ausfall-vorher"));
        Assert.Equal(1, await node.SearchTotalAsync("stromausfall"));
        await WaitForAsync(async () => !(await node.HealthAsync()).Connected, "/health to say the node is not connected");
        // It read the stream before: it stays ready and serves its index rather than take every reader out of rotation.
        Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);

        // Restarted while NATS is still gone: it serves reads from its index and keeps trying, not ready (it cannot know its lag).
        node.Kill();
        await node.StartAsync();
        Assert.NotNull(await node.BodyOfAsync("ausfall-vorher"));
        Assert.False((await node.HealthAsync()).Connected);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await node.Client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
        await AssertWriteRefusedAsync(node, "ausfall-waehrend");

        await servers.RestartAsync(0);
        await WaitForAsync(async () => (await node.HealthAsync()).Connected, "the node to reconnect");
        Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
        using var after = await node.PutAsync("ausfall-danach", "Nach dem Ausfall", "Geschrieben nach dem stromausfall.");
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(2, await node.SearchTotalAsync("stromausfall"));
    }

    private static async Task AssertWriteRefusedAsync(NodeProcess node, string id)
    {
        var clock = Stopwatch.StartNew();
        using var response = await node.PutAsync(id, "Während des Ausfalls", "Geschrieben während des stromausfall.");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"cluster_unavailable\"", body, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The refusal took {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.Null(await node.BodyOfAsync(id));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Waited 20 s for {what}.");
            await Task.Delay(50);
        }
    }
}
