using System.Globalization;
using Search.Api.Limits;

namespace Search.Api.OpenApi;

/// <summary>The overview at the top of the OpenAPI document: what the service does, its error codes and its limits.</summary>
internal static class ApiOverview
{
    /// <summary>The overview, with this service's limits.</summary>
    public static string Describe(SearchLimitsOptions limits) => string.Create(CultureInfo.InvariantCulture, $"""
        Full-text search over German news articles (Lucene with German analysis: umlauts and ß folded, inflections stemmed,
        stopwords dropped), with snippets, facets and filters, plus writes behind an admin key.

        **Errors** are `application/problem+json` with a stable `code` and the request's `traceId`: `invalid_parameter`, `invalid_cursor`,
        `prefix_too_short`, `too_many_clauses`, `too_many_expansions`, `invalid_article`, `too_many_articles` (400), `missing_or_invalid_key` (401),
        `read_key_cannot_write`, `writes_disabled` (403), `article_not_found` (404), `body_too_large` (413), `unsupported_media_type` (415),
        `rate_limited` (429), `index_unavailable`, `cluster_unavailable` (503), `disk_full` (507).

        **Limits** of this service (`Search:Limits`): `q` up to 1000 characters and {limits.MaxClauses} clauses; a prefix or wildcard
        word needs {limits.MinPrefixLength} characters before `*` or `?` and may match up to {limits.MaxTermExpansions:N0} words; fuzzy
        words (`word~`) allow at most 2 edits, keep their first {limits.FuzzyPrefixLength} character(s) and expand to the
        {limits.MaxFuzzyExpansions} most similar words; a search that runs out of its {limits.QueryTimeBudgetMs} ms budget answers with
        what it found so far and `"partial": true`; {RateLimit(limits)}.
        """);

    private static string RateLimit(SearchLimitsOptions limits) =>
        limits.RequestsPerMinute <= 0 && limits.RequestsPerMinutePerKey <= 0
            ? "no rate limit (the default; for a public endpoint set `Search:Limits:RequestsPerMinute` per IP address and `Search:Limits:RequestsPerMinutePerKey` per API key, and a client beyond its budget gets 429 with Retry-After)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{(limits.RequestsPerMinute > 0 ? $"{limits.RequestsPerMinute} requests a minute per IP address" : "no limit per IP address")} (`Search:Limits:RequestsPerMinute`) and {(limits.RequestsPerMinutePerKey > 0 ? $"{limits.RequestsPerMinutePerKey} per API key" : "no limit per API key")} (`Search:Limits:RequestsPerMinutePerKey`); 429 with Retry-After beyond");
}
