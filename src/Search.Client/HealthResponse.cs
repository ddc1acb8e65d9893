namespace Search.Client;

/// <summary>The service is up and serving this many articles.</summary>
public sealed record HealthResponse
{
    /// <summary>Always <c>ok</c> when the service answers.</summary>
    public required string Status { get; init; }

    /// <summary>Articles in the index.</summary>
    public required int Articles { get; init; }

    /// <summary>Cluster mode only: where the node stands in the replicated log; null on a single node.</summary>
    public ClusterHealth? Cluster { get; init; }
}
