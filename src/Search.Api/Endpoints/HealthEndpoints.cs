using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Search.Api.Contracts;
using Search.Api.Hosting;
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

        // Probes for Kubernetes and load balancers (ASP.NET Core health checks, plain-text Healthy/Unhealthy): live while
        // the process answers, ready (200, else 503) once the index is open and warmed up. A prober is never rate limited.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(IndexReadyHealthCheck.Tag) })
            .DisableRateLimiting();
        return app;
    }
}
