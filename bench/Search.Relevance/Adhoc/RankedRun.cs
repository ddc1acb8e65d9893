namespace Search.Relevance.Adhoc;

/// <summary>One engine's answers to the topics: for each topic id, the article ids it ranked first, best first.</summary>
/// <param name="Name">The run's name in the tables (<c>ours</c>, <c>xapian-or</c>).</param>
/// <param name="Top">The ranked ids per topic.</param>
internal sealed record RankedRun(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Top);
