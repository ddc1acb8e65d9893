using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Core.Paging;

/// <summary>
/// Which of the ordered matches a request asks for: the order (<see cref="SearchOrder"/>), where the page starts (a page
/// number, or after the hit a cursor names: <see cref="SearchCursor"/>), how many hits the ranking must hold for it,
/// and the cursor of the page after it.
/// </summary>
internal sealed class SearchPage
{
    private readonly SearchRequest _request;
    private string? _key;

    /// <exception cref="SearchInputException">The cursor is not valid for this search.</exception>
    public SearchPage(SearchRequest request)
    {
        _request = request;
        Sort = SearchOrder.For(request.Sort is SearchSort.Relevance or SearchSort.Fresh && QueryFactory.Browses(request.Query) ? SearchSort.Newest : request.Sort);
        After = request.Cursor is null ? null : SearchCursor.Decode(request.Cursor, Key, byScore: ByScore);
        Skip = After is null ? (request.Page - 1) * request.Size : 0;
        Wanted = Skip + request.Size;
    }

    /// <summary>The order of the hits: browsing (no words) is newest first whatever the request's order.</summary>
    public Sort Sort { get; }

    /// <summary>True when the hits are ordered by score.</summary>
    public bool ByScore => Sort == SearchOrder.BestFirst;

    /// <summary>The last hit of the page before (from the cursor), or null.</summary>
    public FieldDoc? After { get; }

    /// <summary>The hits of the ranking before the page (page-based paging; none after a cursor).</summary>
    public int Skip { get; }

    /// <summary>How many hits the ranking must hold: the page and those it skips.</summary>
    public int Wanted { get; }

    /// <summary>The cursor of the page after <paramref name="hits"/>, or null when it is the last.</summary>
    /// <param name="reader">The reader the hits were collected from.</param>
    /// <param name="hits">This page's hits.</param>
    /// <param name="total">How many articles match.</param>
    public string? Next(IndexReader reader, IReadOnlyList<FieldDoc> hits, int total)
    {
        var more = hits.Count == _request.Size && (After is not null || Wanted < total);
        return more ? SearchCursor.Encode(reader, hits[^1], Key) : null;
    }

    // The cursor's key, hashed only when a cursor is read or written, and then once.
    private string Key => _key ??= QueryKey(_request);

    // A cursor is only valid for the same words, filters and order.
    private static string QueryKey(SearchRequest request)
    {
        var text = string.Join('\u001f', request.Query, request.Sort, request.Typos, request.PrefixLast, request.From, request.To,
            string.Join(',', request.Months.Order(StringComparer.Ordinal)),
            string.Join(',', request.Years.Order(StringComparer.Ordinal)),
            string.Join(',', request.Sources.Order(StringComparer.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
