namespace Search.Core.Highlighting;

/// <summary>What highlighting needs of a query, worked out once per search rather than once per hit
/// (<see cref="SnippetBuilder.Prepare"/>).</summary>
/// <param name="Terms">The body terms to mark.</param>
/// <param name="Phrases">The phrases to mark where their words stand together.</param>
/// <param name="Words">How many distinct query words the terms and phrases belong to.</param>
internal sealed record Highlight(IReadOnlyList<MarkedTerm> Terms, IReadOnlyList<MarkedPhrase> Phrases, int Words);
