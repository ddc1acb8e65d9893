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

    /// <summary>
    /// Fresh and relevant: the relevance score blended with the age of the article, counted back from the newest article
    /// in the index: score × (1 + 2^(−age / 30 days)) / 2, so today's article keeps its full score, one a month older
    /// three quarters of it, and an old one half.
    /// </summary>
    Fresh,
}
