using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Cluster.Tests;

/// <summary>Indexes on disk as a cluster node leaves them: articles, and the stream sequence they hold in the commit.</summary>
internal static class SnapshotIndexes
{
    public static NewsArticle Article(int i) => new($"s-{i:D3}", $"Fähre Nummer {i}", "2021-06-01", $"Die Fähre {i} verbindet ab Montag beide Ufer des Rheins.");

    /// <summary>A new index with articles 0 to <paramref name="articles"/> - 1, committed at <paramref name="sequence"/>.</summary>
    public static string Create(int articles, ulong sequence)
    {
        var path = TestCorpus.CreateTempFolder("snapshot-index");
        using var writer = ArticleIndexWriter.Open(path);
        Write(writer, 0, articles, sequence);
        return path;
    }

    /// <summary>Upserts articles <paramref name="from"/> to <paramref name="to"/> - 1 and commits them at <paramref name="sequence"/>.</summary>
    public static void Write(ArticleIndexWriter writer, int from, int to, ulong sequence)
    {
        for (var i = from; i < to; i++)
        {
            writer.Upsert(Article(i));
        }

        writer.StreamSequence = sequence;
        writer.Commit();
    }
}
