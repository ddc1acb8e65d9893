namespace Search.Indexer;

/// <summary>What the indexer's exit code tells a script.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was indexed (or, for check, the index is healthy).</summary>
    public const int Success = 0;

    /// <summary>The arguments were unusable; nothing was read and the index was not touched.</summary>
    public const int BadArguments = 1;

    /// <summary>Articles were indexed, but some input was skipped (listed in the output).</summary>
    public const int SomeSkipped = 2;

    /// <summary>No usable article was found in the input, or a strict run stopped at bad input (index unchanged).</summary>
    public const int NothingUsable = 3;

    /// <summary>The index could not be opened for writing: locked by another indexer, or built by another analyzer version.</summary>
    public const int IndexUnavailable = 4;

    /// <summary>check found a damaged index.</summary>
    public const int IndexDamaged = 5;

    /// <summary>The index's disk ran out of space; the run was rolled back and the index is as of its last commit.</summary>
    public const int DiskFull = 6;

    /// <summary>NATS did not answer, or JetStream did not acknowledge (publish lists what was acknowledged before).</summary>
    public const int ClusterUnavailable = 7;

    /// <summary>restore found no usable snapshot in the object store; the index folder was left as it was.</summary>
    public const int NoSnapshot = 8;

    /// <summary>Stopped by Ctrl+C (the shell's convention: 128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
