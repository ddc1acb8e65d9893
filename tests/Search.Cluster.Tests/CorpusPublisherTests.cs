using System.Diagnostics;
using Search.Tests.Shared;

namespace Search.Cluster.Tests;

// Checks, with a real nats-server: many publishes in flight still reach the stream in input order, one message per
// article; when the server is gone, publishing stops once an acknowledgement is overdue and counts no article as
// published.
public sealed class CorpusPublisherTests
{
    [Fact]
    public async Task ACorpusPublishedWithManyInFlightEndsInTheStreamInInputOrder()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        await using var log = await ArticleLog.OpenAsync(servers.Urls, replicas: 1, "test");
        var corpus = TestCorpus.CreateTempFolder("publish-order");
        var ids = Enumerable.Range(0, 500).Select(i => $"o-{i:D3}").ToList();
        File.WriteAllLines(Path.Combine(corpus, "a.jsonl"), ids.Select(id =>
            $$"""{"id":"{{id}}","date":"2021-03-02","title":"Titel {{id}}","body":"Die Fähre verbindet beide Ufer."}"""));

        var summary = await CorpusPublisher.PublishAsync([corpus], log, window: 64);

        Assert.Null(summary.Failure);
        Assert.Equal((500, 500UL), (summary.Published, summary.LastSequence));
        var consumer = await log.JetStream.CreateOrderedConsumerAsync(ClusterSettings.StreamName);
        var read = new List<string>();
        await foreach (var message in consumer.FetchAsync<byte[]>(new NATS.Client.JetStream.NatsJSFetchOpts { MaxMsgs = 500 }))
        {
            read.Add(ArticleSubjects.IdOf(message.Subject));
        }

        Assert.Equal(ids, read);
    }

    [Fact]
    public async Task WithTheServerGonePublishingStopsAndCountsNothingAsPublished()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        await using var log = await ArticleLog.OpenAsync(servers.Urls, replicas: 1, "test");
        servers.Kill(0);
        var clock = Stopwatch.StartNew();

        var summary = await CorpusPublisher.PublishAsync([TestCorpus.CreateCorpusFolder()], log, ackTimeout: TimeSpan.FromSeconds(2));

        Assert.IsType<TimeoutException>(summary.Failure);
        Assert.Equal((0, 0UL), (summary.Published, summary.LastSequence));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
