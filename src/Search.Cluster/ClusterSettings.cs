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

    /// <summary>
    /// The most stream sequences a node may be behind the stream's last one and still answer <c>/health/ready</c> with
    /// 200: a node catching up (new, or back after a restart) stays out of a load balancer's rotation until it is close.
    /// </summary>
    public int MaxReadyLag { get; set; } = 1000;

    /// <summary>The most messages a node applies in one index commit: large enough that a node catching up commits
    /// rarely (a commit costs a few milliseconds of fsync), small enough that a write waits little behind a batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Seconds a write waits for JetStream's acknowledgement before it answers 503 (NATS down, no quorum):
    /// longer than the election of a new stream leader after one dies (about 5 s with nats-server 2.9), so losing one
    /// server slows writes down but does not refuse them.</summary>
    public double AckTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds an acknowledged write waits for this node to apply it (read-your-writes) before it answers 202:
    /// stored in the log, searchable once the node has caught up.</summary>
    public double ApplyTimeoutSeconds { get; set; } = 5;

    /// <summary>True when cluster mode is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Nats);

    /// <summary>The node name as a NATS consumer name allows it (letters, digits, <c>-</c> and <c>_</c>).</summary>
    public string NodeName()
    {
        var name = string.IsNullOrWhiteSpace(Node) ? Environment.MachineName : Node.Trim();
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }
}
