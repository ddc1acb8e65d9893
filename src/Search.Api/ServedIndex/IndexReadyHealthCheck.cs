using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Search.Cluster;
using Search.Cluster.Node;
using Search.Core.Querying;

namespace Search.Api.ServedIndex;

/// <summary>
/// The readiness check behind <c>/health/ready</c>: healthy once the index is open and the warm-up at start has
/// finished, so a load balancer sends readers only to a service that answers them at full speed; in cluster mode also once
/// the node has read the stream and is at most <c>Search:Cluster:MaxReadyLag</c> sequences behind it.
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

        if (services.GetService<StreamApplier>() is { Status: var node })
        {
            // Cluster mode: a node that has not read the stream's state yet, or is far behind it, would serve old
            // results. Once it has read the stream it stays ready while NATS is away: it still serves its index, and a
            // NATS outage should not take every reader out of rotation.
            var maxLag = services.GetRequiredService<IOptions<ClusterSettings>>().Value.MaxReadyLag;
            if (!node.HasConnected)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"The node has not read the cluster's stream yet ({node.LastError ?? "connecting"})."));
            }

            if (node.Lag > (ulong)Math.Max(0, maxLag))
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"The node is {node.Lag} stream sequences behind (at {node.AppliedSequence} of {node.StreamSequence}); ready within Search:Cluster:MaxReadyLag {maxLag}."));
            }
        }

        // Resolved only now: the searcher is opened (and the seeds indexed) before the service listens.
        var articles = services.GetRequiredService<ArticleSearcher>().Count;
        return Task.FromResult(HealthCheckResult.Healthy($"The index is open and warmed up: {articles} articles."));
    }
}
