namespace Search.Core.Highlighting;

/// <summary>Where a query word stands in a text: its characters <paramref name="Start"/> (inclusive) to
/// <paramref name="End"/> (exclusive), the query word it is and its weight.</summary>
internal readonly record struct SnippetMatch(int Start, int End, int Word, float Weight);
