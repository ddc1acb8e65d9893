namespace Search.Client;

/// <summary>Facet counts of a search; each honours every filter except its own.</summary>
public sealed record SearchFacets
{
    /// <summary>Matches per month (YYYY-MM), newest first.</summary>
    public required IReadOnlyList<FacetCount> Month { get; init; }

    /// <summary>Matches per year (YYYY), newest first.</summary>
    public required IReadOnlyList<FacetCount> Year { get; init; }

    /// <summary>Matches per source (outlet), most first.</summary>
    public required IReadOnlyList<FacetCount> Source { get; init; }
}
