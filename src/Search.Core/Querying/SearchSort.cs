namespace Search.Core.Querying;

/// <summary>The order of search hits.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25); an empty query lists newest first.</summary>
    Relevance,

    /// <summary>Newest publication date first.</summary>
    Newest,

    /// <summary>Oldest publication date first.</summary>
    Oldest,
}
