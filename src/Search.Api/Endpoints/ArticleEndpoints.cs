using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Security;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

internal static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles/{id}", GetArticle)
            .WithName("GetArticle")
            .WithTags("Articles")
            .WithSummary("Get one whole article")
            .WithDescription("Returns the article with its full body. An unknown id answers 404 problem details.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireReadKey();
        app.MapGet("/api/articles/{id}/related", GetRelated)
            .WithName("GetRelatedArticles")
            .WithTags("Articles")
            .WithSummary("Articles similar to one article")
            .WithDescription("More-like-this over title and body: the articles sharing the most distinctive words. An unknown id answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireReadKey();
        return app;
    }

    internal static Results<Ok<ArticleResponse>, ProblemHttpResult> GetArticle(
        ArticleSearcher searcher,
        [Description("The article id, as in a search hit.")] string id)
    {
        var article = searcher.GetArticle(id);
        return article is null ? NotFound(id) : TypedResults.Ok(ArticleResponse.From(article));
    }

    internal static Results<Ok<RelatedResponse>, ProblemHttpResult, ValidationProblem> GetRelated(
        ArticleSearcher searcher,
        [Description("The article id, as in a search hit.")] string id,
        [Description("How many related articles, 1 to 50.")] int size = 10)
    {
        if (size is < 1 or > 50)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["size"] = [$"size must be between 1 and 50; got {size}."] },
                title: "One or more parameters are invalid.", extensions: new Dictionary<string, object?> { ["code"] = "invalid_parameter" });
        }

        var related = searcher.Related(id, size);
        return related is null ? NotFound(id) : TypedResults.Ok(new RelatedResponse(id, [.. related.Select(SearchEndpoints.ToResponse)]));
    }

    internal static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Article not found.",
        detail: $"There is no article with id '{id}'. Ids come from the hits of /api/search.",
        extensions: new Dictionary<string, object?> { ["code"] = "article_not_found" });
}
