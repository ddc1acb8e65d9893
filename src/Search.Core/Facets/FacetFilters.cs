namespace Search.Core.Facets;

/// <summary>The filters a facet collector applies: each facet set is any-of; the date range applies to everything.</summary>
internal sealed record FacetFilters(
    IReadOnlySet<string> Months,
    IReadOnlySet<string> Years,
    IReadOnlySet<string> Sources,
    long FromKey,
    long ToKey);
