namespace Search.Cluster;

/// <summary>
/// Cluster mode's settings (<c>Search:Cluster:*</c> in the API, <c>--nats</c> and <c>--replicas</c> in the indexer).
/// Without <see cref="Nats"/> the service is the embedded single node and nothing here is used.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The stream every node reads and every writer publishes to.</summary>
    public const string StreamName = "ARTICLES";

    /// <summary>Comma-separated NATS URLs, e.g. <c>nats://127.0.0.1:4222,nats://127.0.0.1:4223</c>.</summary>
    public string? Nats { get; set; }

    /// <summary>This node's name: its durable consumer's name. Default: the host name.</summary>
    public string? Node { get; set; }

    /// <summary>How many NATS servers keep each message (1, 3 or 5; 3 survives the loss of any one server).</summary>
    public int Replicas { get; set; } = 3;

    /// <summary>True when cluster mode is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Nats);

    /// <summary>The node name as a NATS consumer name allows it (letters, digits, <c>-</c> and <c>_</c>).</summary>
    public string NodeName()
    {
        var name = string.IsNullOrWhiteSpace(Node) ? Environment.MachineName : Node.Trim();
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }
}
