using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace Search.Cluster.Tests;

// One of the three NATS servers (the stream's leader, the worst one to lose) is killed with SIGKILL while both nodes
// take writes: writes go on being acknowledged with two of three, and every write that was acknowledged is on both
// nodes afterwards. A write that was refused (503) may or may not be stored; it is not counted either way.
[Collection(ClusterProcesses.Name)]
public sealed class NatsServerKillTests(TwoNodeCluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public async Task ANatsServerKilledWithSigkillLosesNoAcknowledgedWrite()
    {
        await cluster.WaitUntilBothCaughtUpAsync(TimeSpan.FromSeconds(30));
        var acknowledged = new ConcurrentQueue<(string Id, TimeSpan At)>();
        var refused = new ConcurrentQueue<(TimeSpan At, string Problem)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var writers = new[] { cluster.One, cluster.Two }.Select((node, n) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"ausfall-{n}-{i}");
                using var response = await node.PutAsync(id, "Ausfall", $"Geschrieben während ausfall, Nummer {i}.");
                // 202: stored in the log, not yet applied on the node that answered; acknowledged all the same.
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted)
                {
                    acknowledged.Enqueue((id, clock.Elapsed));
                }
                else
                {
                    var problem = await response.Content.ReadAsStringAsync();
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    Assert.NotNull(response.Headers.RetryAfter);
                    Assert.Contains("cluster_unavailable", problem, StringComparison.Ordinal);
                    refused.Enqueue((clock.Elapsed, problem));
                }
            }
        })).ToList();

        // Writes flowing through both nodes first (their first writes wait for the JIT).
        while (acknowledged.Count(write => write.Id.StartsWith("ausfall-0-", StringComparison.Ordinal)) < 3
            || acknowledged.Count(write => write.Id.StartsWith("ausfall-1-", StringComparison.Ordinal)) < 3)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Writes were not acknowledged on both nodes within 20 s: {string.Join(" | ", refused.Take(3))}");
            await Task.Delay(20);
        }

        var leader = (await cluster.Log.JetStream.GetStreamAsync(ClusterSettings.StreamName)).Info.Cluster?.Leader ?? "n0";
        var killedAt = clock.Elapsed;
        cluster.Servers.Kill(int.Parse(leader[1..], CultureInfo.InvariantCulture));
        // Until both nodes have had writes acknowledged with two of three servers (the new leader's election takes seconds).
        while (acknowledged.Count(write => write.At > killedAt && write.Id.StartsWith("ausfall-0-", StringComparison.Ordinal)) < 5
            || acknowledged.Count(write => write.At > killedAt && write.Id.StartsWith("ausfall-1-", StringComparison.Ordinal)) < 5)
        {
            if (clock.Elapsed - killedAt > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        output.WriteLine($"Writers stopped at {clock.Elapsed.TotalSeconds:F1} s; by node: {string.Join(", ", acknowledged.GroupBy(write => write.Id[..9]).Select(g => $"{g.Key} {g.Count()} (last at {g.Max(w => w.At).TotalSeconds:F1} s)"))}");

        var before = acknowledged.Count(write => write.At < killedAt);
        var after = acknowledged.Where(write => write.At > killedAt).ToList();
        output.WriteLine($"Killed the stream leader {leader} at {killedAt.TotalSeconds:F1} s: {before} writes acknowledged before, {after.Count} after " +
            $"(the first {(after.Count > 0 ? (after.Min(write => write.At) - killedAt).TotalSeconds : double.NaN):F2} s after the kill), {refused.Count} refused with 503:");
        foreach (var (at, problem) in refused)
        {
            output.WriteLine($"  {(at - killedAt).TotalSeconds:F2} s: {problem}");
        }

        Assert.True(before > 0, "no write was acknowledged before the kill");
        Assert.True(after.Count >= 10, "writes were not acknowledged on both nodes with two of three servers within 30 s");

        await cluster.WaitUntilBothCaughtUpAsync(TimeSpan.FromSeconds(30));
        foreach (var (id, _) in acknowledged)
        {
            Assert.NotNull(await cluster.One.BodyOfAsync(id));
            Assert.NotNull(await cluster.Two.BodyOfAsync(id));
        }
    }
}
