using System.Globalization;
using System.Text;

namespace Search.Client;

/// <summary>What to search for: the parameters of <c>GET /api/search</c>. Unset parameters take the service's defaults.</summary>
public sealed record SearchQuery
{
    /// <summary>The words to find, in web-search syntax ("phrase", -word, OR, prefix*, word~, title:word); empty or null lists every article, newest first.</summary>
    public string? Q { get; init; }

    /// <summary>Only articles from any of these months, YYYY-MM.</summary>
    public IReadOnlyList<string> Months { get; init; } = [];

    /// <summary>Only articles from any of these years, YYYY.</summary>
    public IReadOnlyList<string> Years { get; init; } = [];

    /// <summary>Only articles from any of these outlets, e.g. <c>zeit.de</c>.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Only articles published on or after this day or month, YYYY-MM-DD or YYYY-MM.</summary>
    public string? From { get; init; }

    /// <summary>Only articles published on or before this day or month (a month includes all its days).</summary>
    public string? To { get; init; }

    /// <summary>The order of hits.</summary>
    /// <value>The default is null: the service's default, relevance.</value>
    public SearchSort? Sort { get; init; }

    /// <summary>The page number, 1 or more; page × size may not exceed 10,000 (go deeper with <see cref="Cursor"/>).</summary>
    /// <value>The default is null: the service's default, 1.</value>
    public int? Page { get; init; }

    /// <summary>Hits per page, 1 to 100.</summary>
    /// <value>The default is null: the service's default, 10.</value>
    public int? Size { get; init; }

    /// <summary>The <see cref="SearchResponse.Next"/> value of a previous response, to get the hits after it. Use instead of <see cref="Page"/>.</summary>
    public string? Cursor { get; init; }

    /// <summary>The reader is still typing the last word of <see cref="Q"/>: it also matches as the start of the index's
    /// words (<c>Wirec</c> finds Wirecard), and the service's typo retry leaves it alone. For search as you type.</summary>
    /// <value>The default is false: every word is whole.</value>
    public bool PrefixLast { get; init; }

    /// <summary>The query string without the leading <c>?</c>: every value escaped, list parameters repeated (<c>month=2021-11&amp;month=2021-12</c>).</summary>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        Add(builder, "q", string.IsNullOrEmpty(Q) ? null : Q);
        foreach (var month in Months)
        {
            Add(builder, "month", month);
        }

        foreach (var year in Years)
        {
            Add(builder, "year", year);
        }

        foreach (var source in Sources)
        {
            Add(builder, "source", source);
        }

        Add(builder, "from", From);
        Add(builder, "to", To);
        Add(builder, "sort", Sort switch
        {
            null => null,
            SearchSort.Relevance => "relevance",
            SearchSort.Newest => "newest",
            SearchSort.Oldest => "oldest",
            SearchSort.Fresh => "fresh",
            _ => throw new InvalidOperationException($"Unknown sort {Sort}; use Relevance, Fresh, Newest or Oldest."),
        });
        Add(builder, "page", Page?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "size", Size?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "cursor", string.IsNullOrEmpty(Cursor) ? null : Cursor);
        Add(builder, "prefix", PrefixLast ? "last" : null);
        return builder.ToString();
    }

    private static void Add(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
