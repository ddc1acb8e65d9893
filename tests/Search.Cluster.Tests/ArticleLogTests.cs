using NATS.Client.JetStream;
using Search.Core.Documents;
using Search.Tests.Shared;

namespace Search.Cluster.Tests;

[Collection(ClusterProcesses.Name)]
public sealed class ArticleLogTests
{
    private static NewsArticle Article(string id, string body = "Gespräche in Genf") => new(id, "Titel " + id, "2021-06", body);

    [Fact]
    public async Task TheLogKeepsOnlyTheLatestVersionOfEachArticleAndATombstoneReplacesIt()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        await using var log = await ArticleLog.OpenAsync(servers.Urls, replicas: 1, "test");

        var first = await log.PublishAsync(Article("a", "eins"));
        var second = await log.PublishAsync(Article("a", "zwei"));
        await log.PublishAsync(Article("b"));
        var deleted = await log.PublishDeleteAsync("b");

        Assert.True(second > first);
        Assert.Equal(deleted, await log.LastSequenceAsync());
        var stream = await log.JetStream.GetStreamAsync(ClusterSettings.StreamName);
        Assert.Equal(2L, stream.Info.State.Messages);

        var messages = await ReadAllAsync(log);
        Assert.Equal(["a", "b"], messages.Select(m => m.Id));
        Assert.Equal("zwei", messages[0].Article!.Body);
        Assert.True(messages[1].IsDelete);
    }

    [Fact]
    public async Task AWriteIsAcknowledgedWhileOneOfThreeServersIsDown()
    {
        await using var servers = await NatsServers.StartAsync(count: 3);
        await using var log = await ArticleLog.OpenAsync(servers.Urls, replicas: 3, "test");
        await log.PublishAsync(Article("vorher"));

        servers.Kill(0);
        // When server 0 led the stream, the other two elect a new leader first (seconds); until then JetStream has no
        // responders, and a message that met none was not stored, so it is sent again.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sequence = await log.PublishAsync(ArticleMessage.Upsert(Article("waehrenddessen")),
            new NatsJSPubOpts { RetryAttempts = int.MaxValue, RetryWaitBetweenAttempts = TimeSpan.FromMilliseconds(250) }, timeout.Token);

        Assert.Equal(2UL, sequence);
        Assert.Equal(2UL, await log.LastSequenceAsync());
    }

    private static async Task<List<ArticleMessage>> ReadAllAsync(ArticleLog log)
    {
        var consumer = await log.JetStream.CreateOrderedConsumerAsync(ClusterSettings.StreamName);
        var messages = new List<ArticleMessage>();
        var last = await log.LastSequenceAsync();
        await foreach (var message in consumer.ConsumeAsync<byte[]>())
        {
            messages.Add(ArticleMessage.Read(message.Subject, message.Headers, message.Data ?? []));
            if (message.Metadata!.Value.Sequence.Stream == last)
            {
                break;
            }
        }

        return messages;
    }
}
