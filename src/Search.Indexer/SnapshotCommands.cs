using System.CommandLine;
using System.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Search.Cluster;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Indexer;

/// <summary>
/// <c>snapshot</c> puts a copy of a node's index (its last commit) into the cluster's object store; <c>restore</c>
/// writes the newest one into an empty folder, so a new node starts from it instead of reading the whole stream.
/// </summary>
internal static class SnapshotCommands
{
    public static Command Snapshot()
    {
        var index = IndexCommand.IndexOption();
        var nats = ClusterOptions.Nats();
        var replicas = ClusterOptions.Replicas($"the bucket {IndexSnapshots.BucketName}");
        var keep = new Option<int>("--keep")
        {
            Description = "Snapshots left in the bucket, the newest; older ones are deleted",
            DefaultValueFactory = _ => IndexSnapshots.DefaultKeep,
        };
        keep.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--keep must be at least 1.");
            }
        });
        var node = new Option<string>("--node")
        {
            Description = "The node the index belongs to, recorded with the snapshot (default: the host name)",
            DefaultValueFactory = _ => Environment.MachineName,
        };
        var command = new Command("snapshot", $"Puts a copy of a cluster node's index (its last commit) into the object store {IndexSnapshots.BucketName}, for new nodes to start from")
        {
            index, nats, replicas, keep, node,
        };
        command.SetAction((parsed, cancellationToken) => RunSnapshotAsync(
            parsed.GetRequiredValue(index), parsed.GetRequiredValue(nats), parsed.GetValue(replicas), parsed.GetValue(keep), parsed.GetRequiredValue(node), cancellationToken));
        return command;
    }

    public static Command Restore()
    {
        var index = IndexCommand.IndexOption();
        var nats = ClusterOptions.Nats();
        var command = new Command("restore", $"Writes the newest index snapshot of the object store {IndexSnapshots.BucketName} into an empty index folder") { index, nats };
        command.SetAction((parsed, cancellationToken) => RunRestoreAsync(parsed.GetRequiredValue(index), parsed.GetRequiredValue(nats), cancellationToken));
        return command;
    }

    private static async Task<int> RunSnapshotAsync(string indexPath, string urls, int replicas, int keep, string node, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(indexPath);
        if (!ArticleSearcher.Exists(fullPath))
        {
            Console.Error.WriteLine($"Error: no index at {fullPath}, nothing to snapshot. Snapshot the index folder of a cluster node: --index <its Search:IndexPath>.");
            return ExitCodes.IndexUnavailable;
        }

        return await OnClusterAsync(urls, "the snapshot was not put",
            (connection, token) => PutAsync(connection, fullPath, replicas, keep, node, token), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> PutAsync(NatsConnection connection, string fullPath, int replicas, int keep, string node, CancellationToken cancellationToken)
    {
        var snapshots = await IndexSnapshots.OpenAsync(new NatsJSContext(connection), replicas, keep, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var snapshot = await snapshots.PutAsync(fullPath, node, cancellationToken).ConfigureAwait(false);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        // Plain lines, not Spectre's, which would wrap them at 80 columns when the output is redirected.
        Console.WriteLine(
            $"snapshot {snapshot.Name}: {snapshot.Articles:N0} articles up to stream sequence {snapshot.Sequence:N0}, {Size(snapshot.Size)} in {seconds:N1} s ({snapshot.Size / 1048576.0 / seconds:N1} MiB/s)");
        Console.WriteLine($"the bucket {IndexSnapshots.BucketName} keeps the newest {keep}:");
        foreach (var kept in await snapshots.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            Console.WriteLine($"  {kept.Name}  {kept.Articles:N0} articles, sequence {kept.Sequence:N0}, {Size(kept.Size)}, {kept.Created:u}");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RunRestoreAsync(string indexPath, string urls, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(indexPath);
        return await OnClusterAsync(urls, "the restore failed",
            (connection, token) => RestoreAsync(connection, fullPath, urls, token), cancellationToken).ConfigureAwait(false);
    }

    // Runs work on a connection to the cluster at urls, watched for the servers going away: an index it cannot use, no
    // server, or one lost for ClusterOptions.DisconnectLimit end it with the exit code and message that say so.
    private static async Task<int> OnClusterAsync(string urls, string failure, Func<NatsConnection, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ClusterConnection.OpenAsync(urls, ClusterOptions.ClientName).ConfigureAwait(false);
            using var watch = new DisconnectWatch(connection, ClusterOptions.DisconnectLimit, cancellationToken);
            try
            {
                return await work(connection, watch.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (watch.GaveUp)
            {
                return ClusterOptions.Unavailable(urls, ClusterOptions.Gone, failure);
            }
        }
        catch (IndexUnavailableException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        catch (NatsException e)
        {
            return ClusterOptions.Unavailable(urls, e, failure);
        }
    }

    private static async Task<int> RestoreAsync(NatsConnection connection, string fullPath, string urls, CancellationToken cancellationToken)
    {
        // Replicas only matter to a put, which creates the bucket; a restore never does.
        var snapshots = await IndexSnapshots.OpenAsync(new NatsJSContext(connection), replicas: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var snapshot = await snapshots.RestoreNewestAsync(fullPath, message => Console.WriteLine($"note: {message}"), cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            Console.Error.WriteLine(
                $"Error: no usable snapshot in the bucket {IndexSnapshots.BucketName} at {urls}; {fullPath} was left as it was. " +
                $"A cluster node puts one with: {RepositoryPaths.IndexerCommand()} snapshot --index <its index> --nats {urls}");
            return ExitCodes.NoSnapshot;
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(
            $"restored {snapshot.Name} into {fullPath}: {snapshot.Articles:N0} articles up to stream sequence {snapshot.Sequence:N0}, {Size(snapshot.Size)} in {seconds:N1} s ({snapshot.Size / 1048576.0 / seconds:N1} MiB/s)");
        Console.WriteLine($"A node on this index reads the stream on from sequence {snapshot.Sequence + 1:N0}.");
        return ExitCodes.Success;
    }

    private static string Size(ulong bytes) => bytes < 1 << 20 ? $"{bytes / 1024.0:N1} KiB" : $"{bytes / 1048576.0:N1} MiB";
}
