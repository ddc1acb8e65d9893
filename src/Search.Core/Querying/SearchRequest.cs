namespace Search.Core.Querying;

/// <summary>A ranked search with optional month filters and paging.</summary>
/// <param name="Query">The words to find; all must match. Empty lists every article, newest first.</param>
/// <param name="Months">Only articles from these months (<c>YYYY-MM</c>, any of them); empty for all months.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Hits per page, 1 to <see cref="MaxSize"/>.</param>
public sealed record SearchRequest(string Query, IReadOnlyList<string> Months, int Page = 1, int Size = 10)
{
    /// <summary>The largest page size.</summary>
    public const int MaxSize = 100;

    /// <summary>The longest query text, in characters.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>The deepest hit a page may reach (page × size).</summary>
    public const int MaxWindow = 10_000;
}
