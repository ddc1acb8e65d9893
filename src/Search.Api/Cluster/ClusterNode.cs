using Search.Cluster.Node;

namespace Search.Api.Cluster;

/// <summary>
/// Runs this node's <see cref="StreamApplier"/> for the life of the service, in the background: the service answers
/// reads from its index from the start, whether NATS is reachable or not, and the applier keeps trying to reach it.
/// </summary>
internal sealed class ClusterNode(StreamApplier applier) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => applier.RunAsync(stoppingToken);
}
