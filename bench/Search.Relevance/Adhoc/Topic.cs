namespace Search.Relevance.Adhoc;

/// <summary>An ad-hoc topic: what a reader typed and what the reader wants (the assessors grade against the description).</summary>
/// <param name="Id">The topic's id, as in the judgments (<c>D01</c>, <c>T17</c>).</param>
/// <param name="Query">The words the reader typed.</param>
/// <param name="Description">What the reader wants, in a sentence or two.</param>
internal sealed record Topic(string Id, string Query, string Description);
