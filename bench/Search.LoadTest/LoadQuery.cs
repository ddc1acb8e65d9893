namespace Search.LoadTest;

/// <summary>One line of the peers' query file: the words and, optionally, the month of the article they came from.</summary>
/// <param name="Text">The query words.</param>
/// <param name="Month">A month (<c>YYYY-MM</c>) for the filtered share of requests, or null when the line has none.</param>
internal sealed record LoadQuery(string Text, string? Month);
