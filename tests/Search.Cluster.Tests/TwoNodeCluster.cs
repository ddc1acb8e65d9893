using Search.Tests.Shared;

namespace Search.Cluster.Tests;

/// <summary>Three NATS servers as a JetStream cluster and two API nodes in cluster mode over them, each with its own index.</summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private NatsServers? _servers;
    private ArticleLog? _log;
    private NodeProcess? _one;
    private NodeProcess? _two;

    internal NatsServers Servers => _servers ?? throw new InvalidOperationException("Not started.");

    /// <summary>A connection of the test's own to the log, to publish as the indexer does.</summary>
    internal ArticleLog Log => _log ?? throw new InvalidOperationException("Not started.");

    internal NodeProcess One => _one ?? throw new InvalidOperationException("Not started.");

    internal NodeProcess Two => _two ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _servers = await NatsServers.StartAsync(count: 3);
        _log = await ArticleLog.OpenAsync(_servers.Urls, replicas: 3, "test");
        var nodes = await Task.WhenAll(NodeProcess.StartAsync(_servers.Urls, "node-1"), NodeProcess.StartAsync(_servers.Urls, "node-2"));
        (_one, _two) = (nodes[0], nodes[1]);
        await WaitUntilBothCaughtUpAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until both nodes read the stream and hold the whole of it as it is now; returns their health.</summary>
    internal async Task<(NodeProcess.Health One, NodeProcess.Health Two)> WaitUntilBothCaughtUpAsync(TimeSpan timeout)
    {
        var last = await Log.LastSequenceAsync();
        var healths = await Task.WhenAll(One.WaitUntilConnectedAsync(last, timeout), Two.WaitUntilConnectedAsync(last, timeout));
        return (healths[0], healths[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _one, _two })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (_log is not null)
        {
            await _log.DisposeAsync();
        }

        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}
