namespace Search.Client;

/// <summary>What a bulk write did, with one result per input line.</summary>
public sealed record BulkWriteResponse
{
    /// <summary>Articles that were new.</summary>
    public required int Added { get; init; }

    /// <summary>Articles that replaced a different version.</summary>
    public required int Updated { get; init; }

    /// <summary>Articles identical to the stored version.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Lines that were rejected; the others were stored.</summary>
    public required int Failed { get; init; }

    /// <summary>One entry per non-empty input line, in order.</summary>
    public required IReadOnlyList<BulkLineResult> Lines { get; init; }

    /// <summary>Cluster mode: lines stored in the cluster's log but not yet searchable on the node that answered (result
    /// <c>accepted</c>); null when there are none.</summary>
    public int? Accepted { get; init; }
}
