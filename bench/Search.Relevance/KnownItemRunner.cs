using System.Diagnostics;
using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Relevance;

/// <summary>Sends known-item queries to the engine and collects the top-10 ids of each.</summary>
internal sealed class KnownItemRunner(ArticleSearcher searcher)
{
    /// <summary>How deep the expected article is looked for.</summary>
    public const int Depth = 10;

    /// <summary>Runs every query of a set; <paramref name="useOr"/> joins the words with OR instead of passing the text as is.</summary>
    public IReadOnlyList<QueryOutcome> Run(IReadOnlyList<KnownItem> items, bool useOr) =>
        [.. items.Select(item => Run(item, useOr))];

    /// <summary>The query text the engine gets: as is (every word must match), or the words joined by OR (any may match).</summary>
    public static string QueryText(string query, bool useOr) =>
        useOr ? string.Join(" OR ", query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : query;

    private QueryOutcome Run(KnownItem item, bool useOr)
    {
        var text = QueryText(item.Query, useOr);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = searcher.Search(new SearchRequest(text, [], 1, Depth));
            return new QueryOutcome(item.ExpectedId, text, [.. result.Hits.Select(hit => hit.Article.Id)], null, clock.Elapsed.TotalMilliseconds);
        }
        catch (SearchInputException e)
        {
            // A rejected query counts as a miss; the code tells syntax errors apart from limits.
            return new QueryOutcome(item.ExpectedId, text, [], e.Code, clock.Elapsed.TotalMilliseconds);
        }
    }
}
