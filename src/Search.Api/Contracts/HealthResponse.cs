using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>The service is up and serving this many articles.</summary>
public sealed record HealthResponse(
    [property: Description("Always \"ok\" when the service answers.")] string Status,
    [property: Description("Articles in the index.")] int Articles,
    [property: Description("Cluster mode only: where this node stands in the replicated log.")] ClusterHealth? Cluster = null);
