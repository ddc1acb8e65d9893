using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>What one write did.</summary>
public sealed record WriteResponse(
    string Id,
    [property: Description("added, updated or unchanged; in cluster mode also superseded (a later write to the id from another writer came first) or accepted (202: stored in the log, not yet searchable on this node)")] string Result);

/// <summary>What a bulk write did, one result per input line.</summary>
public sealed record BulkWriteResponse(
    int Added,
    int Updated,
    int Unchanged,
    int Failed,
    [property: Description("One entry per non-empty input line, in order.")] IReadOnlyList<BulkLineResult> Lines,
    [property: Description("Cluster mode, 202 only: lines stored in the log but not yet applied on this node (result accepted).")] int? Accepted = null);

/// <summary>The outcome of one line of a bulk write.</summary>
public sealed record BulkLineResult(
    [property: Description("1-based line number in the request body.")] int Line,
    string? Id,
    [property: Description("added, updated, unchanged, or error; in cluster mode also superseded or accepted")] string Result,
    [property: Description("Why the line was rejected, for result = error.")] string? Error = null);
