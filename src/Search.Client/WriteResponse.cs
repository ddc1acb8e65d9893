namespace Search.Client;

/// <summary>What one write did.</summary>
public sealed record WriteResponse
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary><c>added</c>, <c>updated</c> or <c>unchanged</c>; in cluster mode also <c>superseded</c> (another writer's later write to
    /// the id came first) or <c>accepted</c> (stored in the log, not yet searchable on the node that answered).</summary>
    public required string Result { get; init; }
}
