using System.Globalization;
using NATS.Client.ObjectStore.Models;

namespace Search.Cluster;

/// <summary>
/// One snapshot in the object store: a node's index as of one commit, and what a node restoring it needs to know
/// before downloading it (kept in the object's metadata).
/// </summary>
/// <param name="Name">The object's name: <c>index-&lt;sequence&gt;-&lt;node&gt;-&lt;time&gt;</c>.</param>
/// <param name="Sequence">The last stream sequence the index holds: a node restored from it reads on from the next.</param>
/// <param name="Articles">Live articles in the index.</param>
/// <param name="AnalyzerVersion">The analyzer the index was built with; only a node with the same one may use it.</param>
/// <param name="Created">When the snapshot was taken.</param>
/// <param name="Node">The node (or host) whose index it is.</param>
/// <param name="Size">Bytes of the object (the archive of the index's files).</param>
public sealed record IndexSnapshot(string Name, ulong Sequence, int Articles, string AnalyzerVersion, DateTimeOffset Created, string Node, ulong Size)
{
    private const string SequenceKey = "sequence";
    private const string ArticlesKey = "articles";
    private const string AnalyzerKey = "analyzer";
    private const string CreatedKey = "created";
    private const string NodeKey = "node";

    /// <summary>The order of preference: the most of the stream first (least left to read), then the newest.</summary>
    public static IComparer<IndexSnapshot> NewestFirst { get; } = Comparer<IndexSnapshot>.Create((a, b) =>
        b.Sequence != a.Sequence ? b.Sequence.CompareTo(a.Sequence) : b.Created.CompareTo(a.Created));

    /// <summary>The object name for a snapshot; the sequence is zero-padded so names sort like the sequences.</summary>
    internal static string NameFor(ulong sequence, string node, DateTimeOffset created) =>
        string.Create(CultureInfo.InvariantCulture, $"index-{sequence:D20}-{node}-{created.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}");

    /// <summary>The metadata stored with the object.</summary>
    internal Dictionary<string, string> ToMetadata() => new()
    {
        [SequenceKey] = Sequence.ToString(CultureInfo.InvariantCulture),
        [ArticlesKey] = Articles.ToString(CultureInfo.InvariantCulture),
        [AnalyzerKey] = AnalyzerVersion,
        [CreatedKey] = Created.ToString("O", CultureInfo.InvariantCulture),
        [NodeKey] = Node,
    };

    /// <summary>Reads an object's metadata; null for an object that is not a snapshot (or from a foreign writer).</summary>
    internal static IndexSnapshot? From(ObjectMetadata info)
    {
        var data = info.Metadata;
        if (data is null
            || !data.TryGetValue(SequenceKey, out var sequence) || !ulong.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !data.TryGetValue(ArticlesKey, out var articles) || !int.TryParse(articles, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !data.TryGetValue(AnalyzerKey, out var analyzer)
            || !data.TryGetValue(CreatedKey, out var created) || !DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return null;
        }

        return new IndexSnapshot(info.Name, seq, count, analyzer, time, data.TryGetValue(NodeKey, out var node) ? node : "", info.Size);
    }
}
