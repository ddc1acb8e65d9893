using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, with the real indexer process and a real nats-server: publish puts each article of a corpus in the stream
// once, and publishing it again adds no message (one kept per article); bad input is reported with file and line as
// the indexer reports it, and every good article is published; an unreachable NATS ends with exit 7 and a message that
// names the URL, never a stack trace.
public sealed class PublishCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private (int Exit, IReadOnlyList<string> Output) Publish(params string[] arguments)
    {
        using var indexer = IndexerProcess.StartWith(["publish", .. arguments]);
        var exit = indexer.WaitForExit(Timeout);
        output.WriteLine(string.Join('\n', indexer.Output));
        return (exit, indexer.Output);
    }

    [Fact]
    public async Task PublishingACorpusPutsEachArticleInTheStreamOnceAndPublishingItAgainAddsNoMessage()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        var corpus = TestCorpus.CreateCorpusFolder();
        var articles = 1 + TestCorpus.FixtureArticles.Count;

        var (exit, said) = Publish(corpus, "--nats", servers.Urls, "--replicas", "1");
        var first = await ClusterStream.ReadAsync(servers.Urls);
        var (again, _) = Publish(corpus, "--nats", servers.Urls, "--replicas", "1");
        var second = await ClusterStream.ReadAsync(servers.Urls);

        Assert.Equal(0, exit);
        Assert.Contains(said, line => line.Contains("published", StringComparison.Ordinal) && line.Contains($" {articles} ", StringComparison.Ordinal));
        Assert.Equal((articles, (ulong)articles), (first.Messages, first.LastSequence));
        Assert.Contains(TestCorpus.SeedId, first.Ids);
        Assert.Contains("bodensee-1", first.Ids);
        Assert.Equal(0, again);
        Assert.Equal((articles, 2UL * (ulong)articles), (second.Messages, second.LastSequence));
        Assert.Equal(first.Ids, second.Ids);
    }

    [Fact]
    public async Task PublishOverEveryKindOfBadInputReportsItWithFileAndLineAndPublishesEveryGoodArticle()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        var root = TestCorpus.CreateTempFolder("malformed-publish");
        var kinds = MalformedCorpus.Create(root, withHugeLines: false);

        var (exit, said) = Publish(root, "--nats", servers.Urls, "--replicas", "1");
        var stream = await ClusterStream.ReadAsync(servers.Urls);

        Assert.Equal(2, exit);
        var text = string.Join('\n', said);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        foreach (var bad in kinds.SelectMany(kind => kind.BadLocations).Order(StringComparer.Ordinal).Take(10))
        {
            Assert.Contains(said, line => line.StartsWith($"skipped {bad}: ", StringComparison.Ordinal));
        }

        Assert.All(kinds.SelectMany(kind => kind.GoodIds), id => Assert.Contains(id, stream.Ids));
    }

    [Fact]
    public void PublishToAnUnreachableNatsExitsSevenWithAMessageNamingTheUrl()
    {
        var url = $"nats://127.0.0.1:{LoopbackPorts.Free()}";

        var (exit, said) = Publish(TestCorpus.SeedsPath, "--nats", url);

        Assert.Equal(7, exit);
        Assert.Contains(said, line => line.StartsWith("stderr: Error: could not connect: NATS at " + url, StringComparison.Ordinal));
        Assert.DoesNotContain(said, line => line.Contains("   at ", StringComparison.Ordinal));
    }
}
