namespace Search.Latency;

/// <summary>One line of the peers' query file: the words and, for Q4, the month to filter on.</summary>
/// <param name="Text">The query words; all must match.</param>
/// <param name="Month">The filter month (<c>YYYY-MM</c>) for Q4, or null when the line has none.</param>
internal sealed record PeerQuery(string Text, string? Month);
