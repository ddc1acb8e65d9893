using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, with the real indexer process and a real nats-server: snapshot puts a node's index into the object store and
// restore writes it into a missing folder, which then opens with the same articles and says where to read the stream
// on; restore refuses a folder that is not empty (exit 4), and without a snapshot exits 8 and creates nothing;
// snapshot without an index exits 4.
public sealed class SnapshotCommandTests(ITestOutputHelper output)
{
    private (int Exit, IReadOnlyList<string> Output) Run(params string[] arguments)
    {
        using var indexer = IndexerProcess.StartWith(arguments);
        var exit = indexer.WaitForExit(TimeSpan.FromMinutes(2));
        output.WriteLine(string.Join('\n', indexer.Output));
        return (exit, indexer.Output);
    }

    [Fact]
    public async Task ASnapshotIsRestoredIntoAMissingFolderAndNeverOverAnIndex()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        var index = TestCorpus.CreateTempFolder("node-index");
        using (var writer = ArticleIndexWriter.Open(index))
        {
            for (var i = 0; i < 12; i++)
            {
                writer.Upsert(new NewsArticle($"n-{i:D2}", $"Titel {i}", "2021-04-01", $"Text {i} über den Hafen."));
            }

            writer.StreamSequence = 14;
            writer.Commit();
        }

        var restored = Path.Combine(TestCorpus.CreateTempFolder("restore"), "index");

        var (put, putSaid) = Run("snapshot", "--index", index, "--nats", servers.Urls, "--replicas", "1", "--node", "node-a");
        var (restore, restoreSaid) = Run("restore", "--index", restored, "--nats", servers.Urls);
        var (again, againSaid) = Run("restore", "--index", restored, "--nats", servers.Urls);

        Assert.Equal(0, put);
        Assert.Contains(putSaid, line => line.StartsWith("snapshot index-00000000000000000014-node-a-", StringComparison.Ordinal) && line.Contains(": 12 articles up to stream sequence 14,", StringComparison.Ordinal));
        Assert.Equal(0, restore);
        Assert.Contains(restoreSaid, line => line.StartsWith("restored index-00000000000000000014-node-a-", StringComparison.Ordinal));
        Assert.Contains("A node on this index reads the stream on from sequence 15.", restoreSaid);
        using (var searcher = ArticleSearcher.Open(restored, commonWordBudget: 0, completionBudget: 0))
        {
            Assert.Equal(12, searcher.Count);
            Assert.Equal("Titel 3", searcher.GetArticle("n-03")?.Title);
        }

        Assert.Equal(4, again);
        Assert.Contains(againSaid, line => line.StartsWith($"stderr: Error: The folder {restored} is not empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutASnapshotRestoreExitsEightAndWithoutAnIndexSnapshotExitsFour()
    {
        await using var servers = await NatsServers.StartAsync(count: 1);
        var missing = Path.Combine(TestCorpus.CreateTempFolder("nothing"), "index");

        var (restore, restoreSaid) = Run("restore", "--index", missing, "--nats", servers.Urls);
        var (snapshot, snapshotSaid) = Run("snapshot", "--index", missing, "--nats", servers.Urls, "--replicas", "1");

        Assert.Equal(8, restore);
        Assert.Contains(restoreSaid, line => line.StartsWith("stderr: Error: no usable snapshot in the bucket INDEX_SNAPSHOTS", StringComparison.Ordinal));
        Assert.False(Directory.Exists(missing));
        Assert.Equal(4, snapshot);
        Assert.Contains(snapshotSaid, line => line.StartsWith($"stderr: Error: no index at {missing}", StringComparison.Ordinal));
    }
}
