using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
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
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Results<Ok<ArticleResponse>, ProblemHttpResult> GetArticle(
        ArticleSearcher searcher,
        [Description("The article id, as in a search hit.")] string id)
    {
        var article = searcher.GetArticle(id);
        return article is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Article not found.",
                detail: $"There is no article with id '{id}'. Ids come from the hits of /api/search.",
                extensions: new Dictionary<string, object?> { ["code"] = "article_not_found" })
            : TypedResults.Ok(ArticleResponse.From(article));
    }
}
