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

    /// <summary>Threads that analyse and write articles while one thread reads the input.</summary>
    /// <value>The default is the number of processors, at most 4.</value>
    public int WriterThreads { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);
}
