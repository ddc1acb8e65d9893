using System.ComponentModel.DataAnnotations;
using Search.Core.Querying;

namespace Search.Api.Limits;

/// <summary>
/// The <c>Search:Limits</c> configuration section: bounds that keep one expensive query, large body or busy client from
/// slowing the service for everyone else. The length of <c>q</c> stays fixed at <see cref="SearchRequest.MaxQueryLength"/>.
/// </summary>
public sealed class SearchLimitsOptions
{
    public const string Section = "Search:Limits";

    /// <summary>The most clauses a query may have, counting each word once per searched field (title, body, caption).</summary>
    /// <value>The default is 1024 (about 340 words).</value>
    [Range(1, int.MaxValue)]
    public int MaxClauses { get; set; } = new QueryLimits().MaxClauses;

    /// <summary>The fewest characters before <c>*</c> or <c>?</c> in a prefix or wildcard word.</summary>
    /// <value>The default is 2, so <c>a*</c> is refused and <c>ab*</c> allowed.</value>
    [Range(0, 100)]
    public int MinPrefixLength { get; set; } = new QueryLimits().MinPrefixLength;

    /// <summary>The most index terms one prefix, wildcard or range word may match before the query is refused.</summary>
    /// <value>The default is 10,000.</value>
    [Range(1, int.MaxValue)]
    public int MaxTermExpansions { get; set; } = new QueryLimits().MaxTermExpansions;

    /// <summary>How many leading characters of a fuzzy word (<c>word~</c>) must match exactly.</summary>
    /// <value>The default is 1 (0 also corrects the first letter, at several times the cost for long words).</value>
    [Range(0, 100)]
    public int FuzzyPrefixLength { get; set; } = new QueryLimits().FuzzyPrefixLength;

    /// <summary>The most similar terms a fuzzy word (<c>word~</c>) is expanded to; the most similar are kept.</summary>
    /// <value>The default is 50.</value>
    [Range(1, 1024)]
    public int MaxFuzzyExpansions { get; set; } = new QueryLimits().MaxFuzzyExpansions;

    /// <summary>Milliseconds one search may spend collecting matches; then it answers with what it has and <c>"partial": true</c>.</summary>
    /// <value>The default is 2000.</value>
    [Range(1, int.MaxValue)]
    public int QueryTimeBudgetMs { get; set; } = 2000;

    /// <summary>The largest body of <c>PUT /api/articles/{id}</c>, in bytes.</summary>
    /// <value>The default is 8 MiB (8,388,608).</value>
    [Range(1, long.MaxValue)]
    public long MaxArticleBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The largest body of the bulk <c>POST /api/articles</c>, in bytes.</summary>
    /// <value>The default is 32 MiB (33,554,432).</value>
    [Range(1, long.MaxValue)]
    public long MaxBulkBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Requests one IP address may send per minute, when it sends no valid API key (a token bucket: bursts up to this
    /// many, refilled evenly over the minute). Turn it on for a public endpoint; 0 leaves these clients unlimited.
    /// </summary>
    /// <value>The default is 0 (off), as in Elasticsearch, Meilisearch and Typesense: an app that embeds the search
    /// behind one server address would otherwise be throttled as one client.</value>
    [Range(0, int.MaxValue)]
    public int RequestsPerMinute { get; set; }

    /// <summary>
    /// Requests per minute for each valid API key (<c>Search:ReadKey</c>, <c>Search:AdminKey</c>) presented as
    /// <c>Authorization: Bearer</c>, wherever it calls from (a token bucket like <see cref="RequestsPerMinute"/>);
    /// 0 leaves key holders unlimited.
    /// </summary>
    /// <value>The default is 0 (off).</value>
    [Range(0, int.MaxValue)]
    public int RequestsPerMinutePerKey { get; set; }

    /// <summary>Hands the query limits and the time budget to the engine.</summary>
    public void ApplyTo(ArticleSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        searcher.TimeBudget = TimeSpan.FromMilliseconds(QueryTimeBudgetMs);
        searcher.QueryLimits = new QueryLimits
        {
            MaxClauses = MaxClauses,
            MinPrefixLength = MinPrefixLength,
            MaxTermExpansions = MaxTermExpansions,
            FuzzyPrefixLength = FuzzyPrefixLength,
            MaxFuzzyExpansions = MaxFuzzyExpansions,
        };
    }
}
