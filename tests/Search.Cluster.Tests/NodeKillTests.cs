using System.Diagnostics;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Cluster.Tests;

// A node killed with SIGKILL while it catches up on a few thousand articles (small batches, so the kills land between
// and during commits) starts again from its last commit and ends with every article exactly once: as many articles as
// live ids, the latest version of each, none of the deleted ones.
[Collection(ClusterProcesses.Name)]
public sealed class NodeKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ANodeKilledWithSigkillWhileCatchingUpResumesWithEveryArticleExactlyOnce()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        await using var log = await ArticleLog.OpenAsync(servers.Urls, replicas: 1, "test");
        var articles = GeneratedArticles.Make("wiederanlauf", 3000);
        await GeneratedArticles.PublishAsync(log, articles);
        // Later versions of some and tombstones for others, so resuming has to get order and deletes right as well.
        var updated = articles.Where((_, i) => i % 10 == 0).Select(article => article with { Body = article.Body + " Nachtrag." }).ToList();
        await GeneratedArticles.PublishAsync(log, updated);
        var deleted = articles.Where((_, i) => i % 10 == 5).Select(article => article.Id).ToList();
        foreach (var id in deleted)
        {
            await log.PublishDeleteAsync(id);
        }

        var last = await log.LastSequenceAsync();
        await using var node = await NodeProcess.StartAsync(servers.Urls, "node-k", settings: new Dictionary<string, string>
        {
            ["Search__Cluster__Replicas"] = "1",
            ["Search__Cluster__BatchSize"] = "50",
        });

        foreach (var fraction in new[] { 0.25, 0.6 })
        {
            var health = await WaitUntilPastAsync(node, (long)(last * fraction));
            node.Kill();
            output.WriteLine($"Killed at {health}");
            Assert.True(health.AppliedSequence < (long)last, $"The node had caught up before the kill at {fraction:P0}; nothing was killed mid-stream.");
            await node.StartAsync();
        }

        var final = await node.WaitUntilAppliedAsync(last, TimeSpan.FromSeconds(60));
        output.WriteLine($"Resumed: {final}");

        var live = articles.Count - deleted.Count;
        Assert.Equal(live, final.Articles);
        Assert.Equal(live, await node.SearchTotalAsync("wiederanlauf"));
        Assert.Equal(updated[3].Body, await node.BodyOfAsync(updated[3].Id));
        Assert.Null(await node.BodyOfAsync(deleted[7]));
    }

    private static async Task<NodeProcess.Health> WaitUntilPastAsync(NodeProcess node, long sequence)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var health = await node.HealthAsync();
            if (health.AppliedSequence >= sequence)
            {
                return health;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"The node did not pass sequence {sequence} within 60 s:\n{node.Output}");
    }
}
