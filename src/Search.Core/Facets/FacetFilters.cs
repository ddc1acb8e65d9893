using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Facets;

/// <summary>The filters a facet collector applies: each facet set is any-of; the date range applies to everything.</summary>
internal sealed record FacetFilters(
    IReadOnlySet<string> Months,
    IReadOnlySet<string> Years,
    IReadOnlySet<string> Sources,
    long FromKey,
    long ToKey)
{
    /// <summary>True when <paramref name="request"/> has a month, year, source or date filter.</summary>
    public static bool Restricts(SearchRequest request) =>
        request.Months.Count > 0 || request.Years.Count > 0 || request.Sources.Count > 0 || request.From is not null || request.To is not null;

    /// <summary>True when the articles must fall in a date range (<c>from</c> or <c>to</c>).</summary>
    public bool HasDateRange => FromKey != long.MinValue || ToKey != long.MaxValue;

    /// <summary>True when an article of date sort key <paramref name="dateKey"/> falls in the date range.</summary>
    public bool InDateRange(long dateKey) => dateKey >= FromKey && dateKey <= ToKey;

    /// <summary>The filters of <paramref name="request"/>; a date range by month ends with the month's last day.</summary>
    public static FacetFilters Of(SearchRequest request) => new(
        request.Months.ToHashSet(StringComparer.Ordinal),
        request.Years.ToHashSet(StringComparer.Ordinal),
        request.Sources.ToHashSet(StringComparer.Ordinal),
        request.From is null ? long.MinValue : ArticleDate.ToSortKey(request.From),
        request.To is null ? long.MaxValue : ArticleDate.ToSortKey(request.To) + (request.To.Length == 7 ? 99 : 0));
}
