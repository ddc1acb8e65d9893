using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Completion;
using Search.Core.Scoring;

namespace Search.Core.Snapshots;

/// <summary>The searcher of one index snapshot, with what is built for it in the background
/// (<see cref="SnapshotSearcherFactory"/>): the common words' score tables and the completion words.</summary>
internal sealed class SnapshotSearcher(IndexReader reader) : IndexSearcher(reader)
{
    private CommonWords _commonWords = Scoring.CommonWords.None;
    private CompletionWords _completions = CompletionWords.None;

    /// <summary>The snapshot's common-word tables; none until they are built.</summary>
    public CommonWords CommonWords
    {
        get => Volatile.Read(ref _commonWords);
        set => Volatile.Write(ref _commonWords, value);
    }

    /// <summary>The snapshot's completion words; none until they are built.</summary>
    public CompletionWords Completions
    {
        get => Volatile.Read(ref _completions);
        set => Volatile.Write(ref _completions, value);
    }

    /// <summary>Done when the tables are built (or will not be).</summary>
    public Task TablesBuilt { get; set; } = Task.CompletedTask;
}
