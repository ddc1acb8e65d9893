using System.Globalization;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// What an index commit records beside its articles (Lucene's commit user data): the analyzer version the index was
/// built with, the file ledger (<see cref="FileLedger.CommitKey"/>) and, in cluster mode, the last sequence of the stream
/// the index holds. <see cref="ArticleIndexWriter.Commit"/> writes all three with every commit.
/// </summary>
public static class IndexCommitData
{
    /// <summary>The commit data key that records the analyzer version an index was built with.</summary>
    internal const string AnalyzerKey = "analyzer";

    /// <summary>The commit data key that records the last sequence of the cluster's stream the index holds.</summary>
    internal const string StreamSequenceKey = "stream.sequence";

    /// <summary>The data of a commit by this engine's analyzer, with the ledger and stream sequence given.</summary>
    internal static Dictionary<string, string> Of(FileLedger ledger, ulong streamSequence) => new()
    {
        [AnalyzerKey] = ArticleFields.AnalyzerVersion,
        [FileLedger.CommitKey] = ledger.ToJson(),
        [StreamSequenceKey] = streamSequence.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The stream sequence recorded in an index commit's data (0 when none).</summary>
    public static ulong ReadStreamSequence(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(StreamSequenceKey, out var value)
            && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;

    /// <summary>The analyzer version recorded in an index commit's data (null when none): a snapshot of the index is
    /// only usable by a node whose <see cref="ArticleFields.AnalyzerVersion"/> is the same.</summary>
    public static string? ReadAnalyzerVersion(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(AnalyzerKey, out var value) ? value : null;
}
