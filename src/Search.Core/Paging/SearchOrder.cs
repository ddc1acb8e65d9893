using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Paging;

/// <summary>
/// The orders of a search. Every order ends with the id, so equal scores or dates are ordered the same way in every
/// snapshot (cursor paging): the same order as <see cref="SortFieldType.STRING"/> on the id, but an id is only read
/// when a tie needs it (<see cref="IdComparer"/>).
/// </summary>
internal static class SearchOrder
{
    private static readonly SortField ById = new(ArticleFields.Id, IdComparerSource.Instance);

    /// <summary>Best score first, then the id.</summary>
    public static readonly Sort BestFirst = new(SortField.FIELD_SCORE, ById);

    /// <summary>Newest first, then the id.</summary>
    public static readonly Sort NewestFirst = new(new SortField(ArticleFields.DateSort, SortFieldType.INT64, reverse: true), ById);

    /// <summary>Oldest first, then the id.</summary>
    public static readonly Sort OldestFirst = new(new SortField(ArticleFields.DateSort, SortFieldType.INT64), ById);

    /// <summary>The order of <paramref name="order"/>: by score for relevance and freshness (the blend is a score).</summary>
    public static Sort For(SearchSort order) => order switch
    {
        SearchSort.Newest => NewestFirst,
        SearchSort.Oldest => OldestFirst,
        _ => BestFirst,
    };
}
