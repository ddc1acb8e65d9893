using NATS.Client.Core;

namespace Search.Cluster;

/// <summary>A connection to the cluster's NATS servers, for the commands that need no stream (snapshots).</summary>
public static class ClusterConnection
{
    /// <summary>Connects to one of the comma-separated <paramref name="urls"/> (the client fails over to the others).</summary>
    /// <exception cref="NatsException">No server answered.</exception>
    public static async Task<NatsConnection> OpenAsync(string urls, string clientName)
    {
        var connection = new NatsConnection(new NatsOpts { Url = urls, Name = clientName });
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
