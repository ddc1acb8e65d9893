namespace Search.Core.Indexing;

/// <summary>How an import treats bad input, vanished files and the existing index.</summary>
public sealed record ImportOptions
{
    /// <summary>Stop at the first bad input and leave the index exactly as it was.</summary>
    public bool Strict { get; init; }

    /// <summary>Delete the articles of files that were indexed before and no longer exist.</summary>
    public bool Prune { get; init; }

    /// <summary>Start from an empty index (e.g. after an analyzer change).</summary>
    public bool Rebuild { get; init; }

    /// <summary>How often a long run commits what it has, so a crash loses at most this much work.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// End an import that started from an empty index (a new one, or <see cref="Rebuild"/>) by merging it into one
    /// segment. Bulk indexing leaves a segment per writer thread and flush, and a search sets up each query once per
    /// segment: on the real corpus, two segments instead of one made the slowest searches a third slower. Takes about as
    /// long as rewriting the index once and up to its size again in free disk; when that is not free the index is left
    /// complete in several segments, with a note. Later imports leave merging to Lucene's policy and the merge command.
    /// </summary>
    /// <value>The default is true.</value>
    public bool MergeNewIndex { get; init; } = true;

    /// <summary>Threads that analyse and write articles while one thread reads the input.</summary>
    /// <value>The default is the number of processors, at most 4.</value>
    public int WriterThreads { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);
}
