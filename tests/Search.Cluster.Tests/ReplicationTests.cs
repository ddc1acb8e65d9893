using System.Diagnostics;
using System.Globalization;
using System.Net;
using NATS.Client.JetStream.Models;

namespace Search.Cluster.Tests;

// Two API nodes in cluster mode over three NATS servers: what one node or the log gets, both hold.
[Collection(ClusterProcesses.Name)]
public sealed class ReplicationTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACorpusPublishedToTheLogReachesBothNodesWithEqualCounts()
    {
        var (before, _) = await cluster.WaitUntilBothCaughtUpAsync(Converge);
        var articles = GeneratedArticles.Make("korpusprobe", 2000);

        var last = await GeneratedArticles.PublishAsync(cluster.Log, articles);
        var one = await cluster.One.WaitUntilAppliedAsync(last, Converge);
        var two = await cluster.Two.WaitUntilAppliedAsync(last, Converge);

        Assert.Equal(before.Articles + 2000, one.Articles);
        Assert.Equal(one.Articles, two.Articles);
        Assert.Equal(2000, await cluster.One.SearchTotalAsync("korpusprobe"));
        Assert.Equal(2000, await cluster.Two.SearchTotalAsync("korpusprobe"));
    }

    [Fact]
    public async Task AWriteOnOneNodeIsSearchableOnTheOtherAndADeleteOnTheOtherIsGoneFromTheFirst()
    {
        using var put = await cluster.One.PutAsync("schreibprobe-1", "Schreibprobe am Bodensee", "Diplomaten treffen sich in Lindau zur schreibprobe.");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        // Read-your-writes: searchable on the node that answered, the moment it answered.
        Assert.Equal(1, await cluster.One.SearchTotalAsync("schreibprobe"));
        await WaitForAsync(async () => await cluster.Two.SearchTotalAsync("schreibprobe") == 1, "the write on node 1 to be found on node 2");

        using var delete = await cluster.Two.Client.DeleteAsync(new Uri("api/articles/schreibprobe-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Null(await cluster.Two.BodyOfAsync("schreibprobe-1"));
        await WaitForAsync(async () => await cluster.One.BodyOfAsync("schreibprobe-1") is null, "the delete on node 2 to reach node 1");

        using var again = await cluster.One.Client.DeleteAsync(new Uri("api/articles/schreibprobe-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task ConcurrentWritersOnTwoNodesToOneIdEndWithTheSameVersionOnBoth()
    {
        const string id = "wettlauf-1";
        var writers = new[] { cluster.One, cluster.Two }.Select(async (node, n) =>
        {
            for (var i = 0; i < 25; i++)
            {
                using var response = await node.PutAsync(id, "Wettlauf", string.Create(CultureInfo.InvariantCulture, $"Fassung {i} von Schreiber {n}."));
                Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });

        await Task.WhenAll(writers);
        await cluster.WaitUntilBothCaughtUpAsync(Converge);

        var one = await cluster.One.BodyOfAsync(id);
        var two = await cluster.Two.BodyOfAsync(id);
        Assert.NotNull(one);
        Assert.Equal(one, two);
        Assert.Equal(one, (await LastInLogAsync(id)).Article?.Body);
    }

    [Fact]
    public async Task AFreshNodeConvergesOnTheWholeStream()
    {
        await GeneratedArticles.PublishAsync(cluster.Log, GeneratedArticles.Make("neuling", 500));
        var (one, _) = await cluster.WaitUntilBothCaughtUpAsync(Converge);

        await using var fresh = await NodeProcess.StartAsync(cluster.Servers.Urls, "node-3");
        var health = await fresh.WaitUntilAppliedAsync((ulong)one.AppliedSequence, Converge);

        Assert.Equal(one.Articles, health.Articles);
        Assert.Equal(500, await fresh.SearchTotalAsync("neuling"));
    }

    [Fact]
    public async Task AFreshNodeRestoresTheNewestSnapshotAndReadsTheStreamOnFromItsSequence()
    {
        await GeneratedArticles.PublishAsync(cluster.Log, GeneratedArticles.Make("vorrat", 300));
        var (one, _) = await cluster.WaitUntilBothCaughtUpAsync(Converge);
        var snapshots = await IndexSnapshots.OpenAsync(cluster.Log.JetStream, replicas: 3);
        var snapshot = await snapshots.PutAsync(cluster.One.IndexPath, cluster.One.Name);
        Assert.Equal((ulong)one.AppliedSequence, snapshot.Sequence);
        await GeneratedArticles.PublishAsync(cluster.Log, GeneratedArticles.Make("danach", 50));
        var (after, _) = await cluster.WaitUntilBothCaughtUpAsync(Converge);

        await using var fresh = await NodeProcess.StartAsync(cluster.Servers.Urls, "node-restored");
        var health = await fresh.WaitUntilAppliedAsync((ulong)after.AppliedSequence, Converge);

        Assert.True(fresh.Output.Contains($"Restored index snapshot {snapshot.Name}", StringComparison.Ordinal), fresh.Output);
        Assert.Equal(after.Articles, health.Articles);
        Assert.Equal(300, await fresh.SearchTotalAsync("vorrat"));
        Assert.Equal(50, await fresh.SearchTotalAsync("danach"));
    }

    private async Task<ArticleMessage> LastInLogAsync(string id)
    {
        var subject = ArticleSubjects.For(id);
        var stream = await cluster.Log.JetStream.GetStreamAsync(ClusterSettings.StreamName);
        var message = await stream.GetDirectAsync<byte[]>(new StreamMsgGetRequest { LastBySubj = subject });
        return ArticleMessage.Read(subject, message.Headers, message.Data ?? []);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"Waited 15 s for {what}.");
            await Task.Delay(20);
        }
    }
}
