using System.ComponentModel;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Contracts;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search articles")
            .WithDescription(
                "Ranked full-text search over title, body and caption with German analysis (umlauts, ß, inflections, stopwords). " +
                "Every word must match. Lucene syntax is accepted: \"exact phrase\", -exclude, OR, prefix*, title:word. " +
                "An empty q lists articles newest first. Month facets count all matches regardless of the month filter.")
            .ProducesValidationProblem();
        return app;
    }

    internal static Results<Ok<SearchResponse>, ValidationProblem> Search(
        ArticleSearcher searcher,
        [FromQuery, Description("The words to find, at most 1000 characters. Empty lists every article, newest first.")] string? q = null,
        [FromQuery, Description("Only articles from this month, YYYY-MM. Repeat the parameter for several months (any of them).")] string[]? month = null,
        [FromQuery, Description("Page number, 1 or more. page × size may not exceed 10000.")] int page = 1,
        [FromQuery, Description("Hits per page, 1 to 100.")] int size = 10)
    {
        var query = q ?? string.Empty;
        var months = month ?? [];
        var errors = Validate(query, months, page, size);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more parameters are invalid.",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_parameter" });
        }

        var stopwatch = Stopwatch.StartNew();
        var result = searcher.Search(new SearchRequest(query, months, page, size));
        var tookMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 2);

        var hits = result.Hits
            .Select(hit => new SearchHitResponse(hit.Article.Id, hit.Article.Title, hit.Article.Date, hit.Article.Caption,
                hit.Article.Source, hit.Score, hit.Snippet))
            .ToList();
        return TypedResults.Ok(new SearchResponse(query, result.Total, page, size, tookMs, hits, new SearchFacets(result.Months)));
    }

    private static Dictionary<string, string[]> Validate(string query, string[] months, int page, int size)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Length > SearchRequest.MaxQueryLength)
        {
            errors["q"] = [$"q must be at most {SearchRequest.MaxQueryLength} characters; it has {query.Length}."];
        }

        var badMonths = months.Where(value => !ArticleDate.IsMonth(value)).ToList();
        if (badMonths.Count > 0)
        {
            errors["month"] = [.. badMonths.Select(value => $"month must be a month written YYYY-MM, e.g. 2021-12; got '{value}'.")];
        }

        if (page < 1)
        {
            errors["page"] = [$"page must be 1 or more; got {page}."];
        }

        if (size is < 1 or > SearchRequest.MaxSize)
        {
            errors["size"] = [$"size must be between 1 and {SearchRequest.MaxSize}; got {size}."];
        }
        else if (page >= 1 && (long)page * size > SearchRequest.MaxWindow)
        {
            errors["page"] = [$"page × size may be at most {SearchRequest.MaxWindow}; got {page} × {size}. Narrow the query or filter by month instead of paging this deep."];
        }

        return errors;
    }
}
