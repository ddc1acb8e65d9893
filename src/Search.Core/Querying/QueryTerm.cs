namespace Search.Core.Querying;

/// <summary>One word, phrase, prefix or fuzzy word of the query, optionally held to one field (<c>title:Wort</c>).</summary>
internal sealed record QueryTerm(TermKind Kind, string Text, string? Field = null, int Edits = 0);
