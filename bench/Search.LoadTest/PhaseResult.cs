namespace Search.LoadTest;

/// <summary>One phase (warm-up or the measured run): how long it took and what every client saw.</summary>
/// <param name="Elapsed">From the first request sent to the last response read.</param>
/// <param name="Tallies">One per client.</param>
internal sealed record PhaseResult(TimeSpan Elapsed, IReadOnlyList<ClientTally> Tallies)
{
    /// <summary>Requests that got a response or an exception.</summary>
    public long Requests => Tallies.Sum(tally => tally.Statuses.Values.Sum() + tally.Exceptions.Values.Sum());
}
