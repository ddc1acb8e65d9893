using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>What one write did.</summary>
public sealed record WriteResponse(
    string Id,
    [property: Description("added, updated, unchanged or deleted")] string Result);

/// <summary>What a bulk write did, one result per input line.</summary>
public sealed record BulkWriteResponse(
    int Added,
    int Updated,
    int Unchanged,
    int Failed,
    [property: Description("One entry per non-empty input line, in order.")] IReadOnlyList<BulkLineResult> Lines);

/// <summary>The outcome of one line of a bulk write.</summary>
public sealed record BulkLineResult(
    [property: Description("1-based line number in the request body.")] int Line,
    string? Id,
    [property: Description("added, updated, unchanged, or error")] string Result,
    [property: Description("Why the line was rejected, for result = error.")] string? Error = null);
