namespace Search.Client;

/// <summary>The order of search hits.</summary>
public enum SearchSort
{
    /// <summary>Best match first (<c>sort=relevance</c>, the service's default).</summary>
    Relevance,

    /// <summary>Newest publication date first (<c>sort=newest</c>).</summary>
    Newest,

    /// <summary>Oldest publication date first (<c>sort=oldest</c>).</summary>
    Oldest,

    /// <summary>Relevance blended with freshness (<c>sort=fresh</c>): newer articles keep more of their score.</summary>
    Fresh,
}
