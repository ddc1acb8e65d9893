namespace Search.Client;

/// <summary>The outcome of one line of a bulk write.</summary>
public sealed record BulkLineResult
{
    /// <summary>1-based line number in the request body.</summary>
    public required int Line { get; init; }

    /// <summary>The article id; null when the line was rejected.</summary>
    public string? Id { get; init; }

    /// <summary><c>added</c>, <c>updated</c>, <c>unchanged</c> or <c>error</c>; in cluster mode also <c>superseded</c> or <c>accepted</c>.</summary>
    public required string Result { get; init; }

    /// <summary>Why the line was rejected, when <see cref="Result"/> is <c>error</c>.</summary>
    public string? Error { get; init; }
}
