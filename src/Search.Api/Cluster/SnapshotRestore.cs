using NATS.Client.Core;
using NATS.Client.JetStream;
using Search.Cluster;
using Search.Core.Errors;

namespace Search.Api.Cluster;

/// <summary>
/// A node that starts without an index first restores the newest snapshot a node put into the object store
/// (<see cref="IndexSnapshots"/>), with the stream sequence it holds, and then reads the stream on from there instead of
/// from the start: 28,040 articles restore in about 4 s where reading them takes about a minute, and the snapshot brings
/// the compound dictionary an empty start does not have. Without a usable snapshot, or without NATS in time, the node
/// starts empty and reads the whole stream.
/// </summary>
internal static partial class SnapshotRestore
{
    /// <summary>How long start-up waits for NATS and the download before starting empty.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>True when a snapshot was restored into <paramref name="indexPath"/> (missing or empty).</summary>
    public static bool TryRestore(string indexPath, ClusterSettings cluster, ILogger logger) =>
        Task.Run(() => TryRestoreAsync(indexPath, cluster, logger)).GetAwaiter().GetResult();

    private static async Task<bool> TryRestoreAsync(string indexPath, ClusterSettings cluster, ILogger logger)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await using var connection = await ClusterConnection.OpenAsync(cluster.Nats!, $"search-node-{cluster.NodeName()}-restore").ConfigureAwait(false);
            var snapshots = await IndexSnapshots.OpenAsync(new NatsJSContext(connection), cluster.Replicas, cancellationToken: timeout.Token).ConfigureAwait(false);
            var started = DateTime.UtcNow;
            var restored = await snapshots.RestoreNewestAsync(indexPath, message => LogPassedOver(logger, message), timeout.Token).ConfigureAwait(false);
            if (restored is null)
            {
                LogNone(logger);
                return false;
            }

            LogRestored(logger, restored.Name, restored.Articles, restored.Sequence, restored.Node, (DateTime.UtcNow - started).TotalSeconds);
            return true;
        }
        catch (Exception e) when (e is NatsException or OperationCanceledException or IOException or IndexUnavailableException)
        {
            LogFailed(logger, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored index snapshot {Name}: {Articles} articles up to stream sequence {Sequence} (put by node {Node}) in {Seconds:F1} s; reading the stream on from there")]
    private static partial void LogRestored(ILogger logger, string name, int articles, ulong sequence, string node, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index snapshot in the object store yet; the node reads the stream from the start")]
    private static partial void LogNone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index snapshot passed over: {Reason}")]
    private static partial void LogPassedOver(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No index snapshot restored ({Reason}); the node reads the stream from the start")]
    private static partial void LogFailed(ILogger logger, string reason);
}
