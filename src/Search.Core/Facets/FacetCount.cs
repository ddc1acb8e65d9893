namespace Search.Core.Facets;

/// <summary>How many matches carry one facet value.</summary>
public sealed record FacetCount(string Value, int Count);
