namespace Search.Latency;

/// <summary>The peers' four query modes.</summary>
internal enum QueryMode
{
    /// <summary>Top-10 AND query: ids and scores.</summary>
    Q1,

    /// <summary>Q1 plus month facet counts over all matches.</summary>
    Q2,

    /// <summary>Q2 plus a highlighted snippet for each of the top 10.</summary>
    Q3,

    /// <summary>Q1 restricted to the query's month.</summary>
    Q4,
}
