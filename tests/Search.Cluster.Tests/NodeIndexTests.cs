using System.Text;
using NATS.Client.Core;
using Search.Cluster.Node;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Cluster.Tests;

public sealed class NodeIndexTests : IDisposable
{
    private readonly string _indexPath = Path.Combine(TestCorpus.CreateTempFolder("node-index"), "index");

    private static StreamEntry Entry(ulong sequence, ArticleMessage message) =>
        new(sequence, ArticleSubjects.For(message.Id), message.Headers(), message.Body());

    private static ArticleMessage Article(string id, string body) => ArticleMessage.Upsert(new NewsArticle(id, "Titel " + id, "2021-06-01", body));

    [Fact]
    public void EachBatchIsCommittedWithItsLastSequenceAndTellsAddedUpdatedUnchangedAndDeleted()
    {
        using (var index = NodeIndex.Open(_indexPath))
        {
            Assert.Equal(0UL, index.Applied);
            Assert.Equal([ApplyOutcome.Added, ApplyOutcome.Added], index.Apply([Entry(1, Article("a", "eins")), Entry(2, Article("b", "zwei"))], Fail));
            Assert.Equal([ApplyOutcome.Unchanged, ApplyOutcome.Updated], index.Apply([Entry(3, Article("a", "eins")), Entry(5, Article("b", "drei"))], Fail));
            Assert.Equal([ApplyOutcome.Deleted, ApplyOutcome.NotFound], index.Apply([Entry(6, ArticleMessage.Tombstone("a")), Entry(7, ArticleMessage.Tombstone("c"))], Fail));
            Assert.Equal(7UL, index.Applied);
        }

        using var writer = ArticleIndexWriter.Open(_indexPath);
        Assert.Equal(7UL, writer.StreamSequence);
        Assert.Equal(1, writer.Count);
    }

    [Fact]
    public void WithinOneBatchMessagesOnOneIdApplyInStreamOrder()
    {
        using (var index = NodeIndex.Open(_indexPath))
        {
            Assert.Equal(
                [ApplyOutcome.Added, ApplyOutcome.Updated, ApplyOutcome.Deleted, ApplyOutcome.Added, ApplyOutcome.Added],
                index.Apply(
                [
                    Entry(1, Article("a", "eins")),
                    Entry(2, Article("a", "zwei")),
                    Entry(3, ArticleMessage.Tombstone("a")),
                    Entry(4, Article("a", "drei")),
                    Entry(5, Article("b", "vier")),
                ], Fail));
        }

        using var searcher = Search.Core.Querying.ArticleSearcher.Open(_indexPath);
        Assert.Equal(2, searcher.Count);
        Assert.Equal("drei", searcher.GetArticle("a")?.Body);
    }

    [Fact]
    public void AMalformedMessageIsLoggedAndSkippedAndTheSequenceStillMovesPastIt()
    {
        var skipped = new List<(ulong Sequence, string Reason)>();
        using var index = NodeIndex.Open(_indexPath);

        var outcomes = index.Apply(
        [
            Entry(1, Article("a", "eins")),
            new StreamEntry(2, ArticleSubjects.For("b"), null, Encoding.UTF8.GetBytes("kein JSON")),
            new StreamEntry(3, ArticleSubjects.For("c"), null, Encoding.UTF8.GetBytes("""{"id":"c","title":"Ohne Datum","body":"x"}""")),
            new StreamEntry(4, "articles.d=ZZ", new NatsHeaders(), Encoding.UTF8.GetBytes("{}")),
            Entry(5, Article("e", "fünf")),
        ], (entry, e) => skipped.Add((entry.Sequence, e.Message)));

        Assert.Equal([ApplyOutcome.Added, ApplyOutcome.Skipped, ApplyOutcome.Skipped, ApplyOutcome.Skipped, ApplyOutcome.Added], outcomes);
        Assert.Equal([2UL, 3UL, 4UL], skipped.Select(skip => skip.Sequence));
        Assert.Equal(5UL, index.Applied);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(_indexPath)!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void Fail(StreamEntry entry, FormatException e) => Assert.Fail($"{entry.Subject} at {entry.Sequence}: {e.Message}");
}
