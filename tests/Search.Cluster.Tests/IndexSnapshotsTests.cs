using System.Text;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.ObjectStore;
using NATS.Client.ObjectStore.Models;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Cluster.Tests;

// Checks, with a real nats-server and real indexes on disk: a snapshot restored into an empty folder opens with the
// same articles and the stream sequence its commit held, even when taken while the index was being written; restore
// refuses a folder that is not empty; the bucket keeps only the newest snapshots; a snapshot of another analyzer or a
// damaged one is passed over for an older one; without a snapshot restore returns null and leaves nothing behind; with
// the server gone, a restore ends once a DisconnectWatch gives up, instead of waiting for it.
public sealed class IndexSnapshotsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private NatsServers _servers = null!;
    private NatsConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _servers = await NatsServers.StartAsync(count: 1);
        _connection = await ClusterConnection.OpenAsync(_servers.Urls, "test");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _servers.DisposeAsync();
    }

    private Task<IndexSnapshots> OpenAsync(int keep = IndexSnapshots.DefaultKeep) =>
        IndexSnapshots.OpenAsync(new NatsJSContext(_connection), replicas: 1, keep);

    private static string MissingFolder() => Path.Combine(TestCorpus.CreateTempFolder("restored"), "index");

    [Fact]
    public async Task ASnapshotTakenWhileTheIndexIsWrittenRestoresAsItsLastCommitWithTheSequenceItHeld()
    {
        var index = TestCorpus.CreateTempFolder("live-index");
        var snapshots = await OpenAsync();
        IndexSnapshot put;
        using (var writer = ArticleIndexWriter.Open(index))
        {
            SnapshotIndexes.Write(writer, 0, 40, sequence: 40);
            writer.Upsert(SnapshotIndexes.Article(99)); // written, not committed: not in the snapshot
            put = await snapshots.PutAsync(index, "node-a");
        }

        var restoredPath = MissingFolder();
        var restored = await snapshots.RestoreNewestAsync(restoredPath);

        Assert.NotNull(restored);
        Assert.Equal(put, restored);
        Assert.Equal((40UL, 40, ArticleFields.AnalyzerVersion, "node-a"), (restored.Sequence, restored.Articles, restored.AnalyzerVersion, restored.Node));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(restoredPath), entry => Path.GetFileName(entry).StartsWith('.'));
        using (var searcher = ArticleSearcher.Open(restoredPath, commonWordBudget: 0, completionBudget: 0))
        {
            Assert.Equal(40, searcher.Count);
            Assert.Equal(SnapshotIndexes.Article(7).Title, searcher.GetArticle("s-007")?.Title);
            Assert.Null(searcher.GetArticle("s-099"));
        }

        // A node opening the restored index resumes after the sequence, and keeps writing it.
        using var resumed = ArticleIndexWriter.Open(restoredPath);
        Assert.Equal(40UL, resumed.StreamSequence);
        SnapshotIndexes.Write(resumed, 40, 45, sequence: 45);
        Assert.Equal(45, resumed.Count);
    }

    [Fact]
    public async Task RestoreRefusesAFolderThatIsNotEmptyAndLeavesItAsItWas()
    {
        var snapshots = await OpenAsync();
        await snapshots.PutAsync(SnapshotIndexes.Create(5, sequence: 5), "node-a");
        var folder = TestCorpus.CreateTempFolder("not-empty");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var refused = await Assert.ThrowsAsync<IndexUnavailableException>(() => snapshots.RestoreNewestAsync(folder));

        Assert.Contains(folder, refused.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task OnlyTheNewestSnapshotsAreKeptAndTheOneHoldingTheMostOfTheStreamIsRestored()
    {
        var snapshots = await OpenAsync(keep: 2);
        var index = TestCorpus.CreateTempFolder("growing-index");
        using (var writer = ArticleIndexWriter.Open(index))
        {
            foreach (var sequence in new ulong[] { 10, 20, 30 })
            {
                SnapshotIndexes.Write(writer, 0, (int)sequence, sequence);
                await snapshots.PutAsync(index, "node-a");
            }
        }

        var kept = await snapshots.ListAsync();
        var restored = await snapshots.RestoreNewestAsync(MissingFolder());

        Assert.Equal([30UL, 20UL], kept.Select(snapshot => snapshot.Sequence));
        Assert.Equal(30UL, restored?.Sequence);
        // The pruned snapshot's chunks and its name are gone from the bucket's stream, not only marked deleted.
        var bucket = await new NatsJSContext(_connection).GetStreamAsync($"OBJ_{IndexSnapshots.BucketName}");
        var store = await new NatsObjContext(new NatsJSContext(_connection)).GetObjectStoreAsync(IndexSnapshots.BucketName);
        var chunks = 0L;
        foreach (var snapshot in kept)
        {
            chunks += (await store.GetInfoAsync(snapshot.Name)).Chunks;
        }

        Assert.Equal(chunks + kept.Count, bucket.Info.State.Messages);
    }

    [Fact]
    public async Task ASnapshotOfAnotherAnalyzerOrADamagedOneIsPassedOverForAnOlderOne()
    {
        var snapshots = await OpenAsync(keep: 5);
        await snapshots.PutAsync(SnapshotIndexes.Create(8, sequence: 8), "node-a");
        var store = await new NatsObjContext(new NatsJSContext(_connection)).GetObjectStoreAsync(IndexSnapshots.BucketName);
        await PutForeignAsync(store, "index-foreign-analyzer", sequence: 50, analyzer: "german-news-0", Encoding.UTF8.GetBytes("not read"));
        await PutForeignAsync(store, "index-damaged", sequence: 40, analyzer: ArticleFields.AnalyzerVersion, Encoding.UTF8.GetBytes(new string('x', 5000)));
        var said = new List<string>();

        var restored = await snapshots.RestoreNewestAsync(MissingFolder(), said.Add);

        said.ForEach(output.WriteLine);
        Assert.Equal(8UL, restored?.Sequence);
        Assert.Collection(said,
            line => Assert.Contains("index-foreign-analyzer was built with analyzer 'german-news-0'", line, StringComparison.Ordinal),
            line => Assert.StartsWith("snapshot index-damaged is unusable", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutASnapshotRestoreReturnsNullAndLeavesNoFolderBehind()
    {
        var snapshots = await OpenAsync();
        var folder = MissingFolder();

        var restored = await snapshots.RestoreNewestAsync(folder);

        Assert.Null(restored);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task AnIndexThatNeverReadTheStreamIsNotSnapshotted()
    {
        var snapshots = await OpenAsync();

        var refused = await Assert.ThrowsAsync<IndexUnavailableException>(() => snapshots.PutAsync(SnapshotIndexes.Create(3, sequence: 0), "node-a"));

        Assert.Contains("stream sequence 0", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await snapshots.ListAsync());
    }

    [Fact]
    public async Task WithTheServerGoneARestoreEndsOnceTheWatchGivesUpAndLeavesNothing()
    {
        var snapshots = await OpenAsync();
        await snapshots.PutAsync(SnapshotIndexes.Create(5, sequence: 5), "node-a");
        var folder = MissingFolder();
        _servers.Kill(0);
        using var watch = new DisconnectWatch(_connection, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => snapshots.RestoreNewestAsync(folder, cancellationToken: watch.Token));

        Assert.True(watch.GaveUp);
        Assert.False(Directory.Exists(folder));
    }

    private static async Task PutForeignAsync(INatsObjStore store, string name, ulong sequence, string analyzer, byte[] body)
    {
        var metadata = new IndexSnapshot(name, sequence, 8, analyzer, DateTimeOffset.UtcNow, "elsewhere", 0).ToMetadata();
        await store.PutAsync(new ObjectMetadata { Name = name, Metadata = metadata }, new MemoryStream(body));
    }
}
