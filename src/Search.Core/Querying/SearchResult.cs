using Search.Core.Facets;

namespace Search.Core.Querying;

/// <summary>One page of hits with the total and the facets.</summary>
/// <param name="Total">Every article that matches the query and the filters.</param>
/// <param name="Hits">The requested page, in the requested order.</param>
/// <param name="Facets">Counts per month, year and source; each ignores its own filter.</param>
/// <param name="Next">A cursor for the hits after this page, or null when there are none.</param>
/// <param name="Partial">The query ran out of its time budget: hits, total and facets cover only part of the index.</param>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, FacetCounts Facets, string? Next = null, bool Partial = false)
{
    /// <summary>A better spelling of the query from the index's vocabulary ("Bundestg" → "Bundestag"), when it found
    /// fewer than <see cref="ArticleSearcher.FewHits"/> articles as typed and a word looks misspelt, or a compound no article
    /// has split into its two words when nothing else was found ("Lehrerimpfung" → "Lehrer Impfung"), or a misprint several
    /// articles share corrected to the word far more articles print with the query's other words ("Guiseppe Conte" →
    /// "Giuseppe Conte"); otherwise null.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>True when these hits come from the typo-tolerant retry (words of five letters or more also matching words one
    /// or two edits away): the query as typed found fewer than <see cref="ArticleSearcher.FewHits"/> articles, or had a
    /// misprint several articles share (<see cref="DidYouMean"/>).</summary>
    public bool Fuzzy { get; init; }

    /// <summary>Matches per month, newest first.</summary>
    public IReadOnlyList<FacetCount> Months => Facets.Months;
}
