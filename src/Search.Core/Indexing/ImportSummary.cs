using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>What one import run did.</summary>
/// <param name="Added">New ids.</param>
/// <param name="Updated">Ids whose content changed.</param>
/// <param name="Unchanged">Ids whose content was identical, including every article of files recognised as unchanged.</param>
/// <param name="Deleted">Articles removed because their file is gone (<see cref="ImportOptions.Prune"/>) or no longer holds them.</param>
/// <param name="Skipped">Input that could not be used, with where and why.</param>
/// <param name="RepeatedIds">Ids that occurred more than once in this run (the last one wins).</param>
/// <param name="UnchangedFiles">Files recognised by size and time and not read again.</param>
/// <param name="ArticlesInIndex">Articles in the index after the run.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="IndexBytes">Size of the index folder after the run.</param>
/// <param name="InputBytes">Size of the input files read.</param>
/// <param name="StoppedAtFirstProblem">A strict run stopped at bad input and left the index as it was.</param>
public sealed record ImportSummary(
    int Added,
    int Updated,
    int Unchanged,
    int Deleted,
    IReadOnlyList<CorpusRecord> Skipped,
    IReadOnlyList<string> RepeatedIds,
    int UnchangedFiles,
    int ArticlesInIndex,
    TimeSpan Elapsed,
    long IndexBytes,
    long InputBytes,
    bool StoppedAtFirstProblem)
{
    /// <summary>Segments in the index after the run (0 when a strict run stopped).</summary>
    public int Segments { get; init; }

    /// <summary>Why a new index was left in several segments (<see cref="ImportOptions.MergeNewIndex"/>), or null.</summary>
    public string? NotMerged { get; init; }

    /// <summary>The run started a new index (or a rebuild) and found no article for it, so nothing was committed: the
    /// index stays as it was (none, or the old one), and what the run made in a folder without an index was removed.</summary>
    public bool NoIndexWritten { get; init; }

    /// <summary>Articles read successfully, whatever they did to the index.</summary>
    public int Read => Added + Updated + Unchanged;
}
