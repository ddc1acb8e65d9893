using Search.Api.Contracts;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (ArticleSearcher searcher) => TypedResults.Ok(new HealthResponse("ok", searcher.Count)))
            .WithName("Health")
            .WithTags("Service")
            .WithSummary("Service health")
            .WithDescription("200 with the number of indexed articles while the service can search.");
        return app;
    }
}
