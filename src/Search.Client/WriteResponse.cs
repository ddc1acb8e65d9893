namespace Search.Client;

/// <summary>What one write did.</summary>
public sealed record WriteResponse
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary><c>added</c>, <c>updated</c> or <c>unchanged</c>.</summary>
    public required string Result { get; init; }
}
