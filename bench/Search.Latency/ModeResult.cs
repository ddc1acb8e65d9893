namespace Search.Latency;

/// <summary>What one mode measured: the latency of the timed calls, the queries run per pass and the rejected ones.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Latency">Over every successful timed call.</param>
/// <param name="Queries">Queries per pass (Q4: those with a month).</param>
/// <param name="Errors">Queries rejected with a <c>SearchInputException</c> (each counted once), with the message.</param>
/// <param name="Partial">Calls that ran out of the searcher's time budget.</param>
internal sealed record ModeResult(QueryMode Mode, LatencySummary Latency, int Queries, IReadOnlyList<string> Errors, int Partial)
{
    /// <summary>The slowest queries by their median time over the timed passes, slowest first.</summary>
    public IReadOnlyList<(string Query, double MedianMs)> Slowest { get; init; } = [];
}
