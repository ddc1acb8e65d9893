using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>Where a node stands in the cluster's log (cluster mode only).</summary>
public sealed record ClusterHealth(
    [property: Description("The node's name (Search:Cluster:Node), also its consumer's on the stream.")] string Node,
    [property: Description("The last stream sequence the node's index holds, committed and searchable.")] long AppliedSequence,
    [property: Description("The stream's last sequence when the node last asked (about once a second while connected).")] long StreamSequence,
    [property: Description("Stream sequences the node is behind (streamSequence - appliedSequence); 0 when caught up.")] long Lag,
    [property: Description("Whether the node reads the stream now; while not, it serves reads from its index and keeps trying.")] bool Connected);
