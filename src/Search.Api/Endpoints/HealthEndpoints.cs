using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Contracts;
using Search.Api.ServedIndex;
using Search.Cluster.Node;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (ArticleSearcher searcher, [FromServices] StreamApplier? node) =>
                TypedResults.Ok(new HealthResponse("ok", searcher.Count, node is null ? null : Cluster(node.Status))))
            .WithName("Health")
            .WithTags("Service")
            .WithSummary("Service health")
            .WithDescription("200 with the number of indexed articles while the service can search; in cluster mode also where this node stands in the replicated log.");

        // Probes for Kubernetes and load balancers (ASP.NET Core health checks, plain-text Healthy/Unhealthy): live while
        // the process answers, ready (200, else 503) once the index is open and warmed up. A prober is never rate limited.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(IndexReadyHealthCheck.Tag) })
            .DisableRateLimiting();
        return app;
    }

    private static ClusterHealth Cluster(NodeStatus status) =>
        new(status.Node, (long)status.AppliedSequence, (long)status.StreamSequence, (long)status.Lag, status.Connected);
}
