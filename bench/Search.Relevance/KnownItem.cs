namespace Search.Relevance;

/// <summary>One known-item query: the article it should find and the words to search for.</summary>
/// <param name="ExpectedId">The id of the article the query was made from.</param>
/// <param name="Query">The query text, as written in the query file.</param>
internal sealed record KnownItem(string ExpectedId, string Query);
