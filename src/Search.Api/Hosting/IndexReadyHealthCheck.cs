using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Core.Querying;

namespace Search.Api.Hosting;

/// <summary>
/// The readiness check behind <c>/health/ready</c>: healthy once the index is open and the warm-up at start has
/// finished, so a load balancer sends readers only to a service that answers them at full speed.
/// </summary>
internal sealed class IndexReadyHealthCheck(IndexReadiness readiness, IServiceProvider services) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsWarmedUp)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is open and warming up (Search:WarmUpSeconds)."));
        }

        // Resolved only now: the searcher is opened (and the seeds indexed) before the service listens.
        var articles = services.GetRequiredService<ArticleSearcher>().Count;
        return Task.FromResult(HealthCheckResult.Healthy($"The index is open and warmed up: {articles} articles."));
    }
}
