namespace Search.Core.Querying;

/// <summary>A required clause: any one of its alternatives (joined by OR) must match; an excluded one must not.</summary>
internal sealed record QueryClause(bool Excluded, IReadOnlyList<QueryTerm> Alternatives);
