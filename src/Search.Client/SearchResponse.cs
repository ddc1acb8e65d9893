namespace Search.Client;

/// <summary>One page of search results, as <c>GET /api/search</c> returns it.</summary>
public sealed record SearchResponse
{
    /// <summary>The query text as sent.</summary>
    public required string Query { get; init; }

    /// <summary>Articles that match the query and every filter.</summary>
    public required int Total { get; init; }

    /// <summary>The page returned, 1-based.</summary>
    public required int Page { get; init; }

    /// <summary>Hits per page.</summary>
    public required int Size { get; init; }

    /// <summary>Time the engine took, in milliseconds.</summary>
    public required double TookMs { get; init; }

    /// <summary>The hits of this page, best first (or in the requested date order).</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>Counts per month, year and source over all matches.</summary>
    public required SearchFacets Facets { get; init; }

    /// <summary>The cursor for the hits after this page; pass it as <see cref="SearchQuery.Cursor"/>. Null on the last page.</summary>
    public string? Next { get; init; }

    /// <summary>True when the query ran out of its time budget, so hits, total and facets cover only part of the index.</summary>
    public bool Partial { get; init; }

    /// <summary>A suggested spelling of the query, when the service offers one; null otherwise.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>True when these hits come from the typo-tolerant retry: the query as typed found (almost) nothing, or had a
    /// misprint several articles share (see <see cref="DidYouMean"/>).</summary>
    public bool Fuzzy { get; init; }
}
