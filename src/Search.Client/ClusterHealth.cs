namespace Search.Client;

/// <summary>Where a node stands in the cluster's replicated log (cluster mode only).</summary>
public sealed record ClusterHealth
{
    /// <summary>The node's name, also its consumer's on the stream.</summary>
    public required string Node { get; init; }

    /// <summary>The last stream sequence the node's index holds, committed and searchable.</summary>
    public required long AppliedSequence { get; init; }

    /// <summary>The stream's last sequence when the node last asked (about once a second while connected).</summary>
    public required long StreamSequence { get; init; }

    /// <summary>Stream sequences the node is behind; 0 when caught up.</summary>
    public required long Lag { get; init; }

    /// <summary>Whether the node reads the stream now; while not, it serves reads from its index and keeps trying.</summary>
    public required bool Connected { get; init; }
}
