namespace Search.Core.Facets;

/// <summary>The facets of a search. Each counts the matches of the query and every filter except its own.</summary>
/// <param name="Months">Per month (<c>YYYY-MM</c>), newest first.</param>
/// <param name="Years">Per year (<c>YYYY</c>), newest first.</param>
/// <param name="Sources">Per outlet, most matches first.</param>
public sealed record FacetCounts(IReadOnlyList<FacetCount> Months, IReadOnlyList<FacetCount> Years, IReadOnlyList<FacetCount> Sources);
