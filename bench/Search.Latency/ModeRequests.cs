using Search.Core.Querying;

namespace Search.Latency;

/// <summary>Turns a peer query into our <see cref="SearchRequest"/> for one mode.</summary>
internal static class ModeRequests
{
    /// <summary>The request for this mode, or null when the mode does not apply (Q4 without a month).</summary>
    public static SearchRequest? For(QueryMode mode, PeerQuery query, bool typos = true) => Request(mode, query) is { } request ? request with { Typos = typos } : null;

    private static SearchRequest? Request(QueryMode mode, PeerQuery query) => mode switch
    {
        QueryMode.Q1 => new SearchRequest(query.Text, [], 1, 10) { Facets = false, Snippets = false },
        QueryMode.Q2 => new SearchRequest(query.Text, [], 1, 10) { Facets = true, Snippets = false },
        QueryMode.Q3 => new SearchRequest(query.Text, [], 1, 10) { Facets = true, Snippets = true },
        QueryMode.Q4 when query.Month is not null => new SearchRequest(query.Text, [query.Month], 1, 10) { Facets = false, Snippets = false },
        QueryMode.Q4 => null,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mode."),
    };
}
