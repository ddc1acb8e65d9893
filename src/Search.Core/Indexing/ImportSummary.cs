using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>What one import run did.</summary>
public sealed record ImportSummary(
    int Added,
    int Updated,
    int Unchanged,
    IReadOnlyList<CorpusRecord> Skipped,
    IReadOnlyList<string> RepeatedIds,
    int ArticlesInIndex,
    TimeSpan Elapsed,
    long IndexBytes,
    long InputBytes)
{
    /// <summary>Articles read successfully, whatever they did to the index.</summary>
    public int Read => Added + Updated + Unchanged;
}
