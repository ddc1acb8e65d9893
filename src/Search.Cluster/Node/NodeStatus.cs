namespace Search.Cluster.Node;

/// <summary>
/// Where this node stands, for <c>/health</c> and readiness: the sequence it has applied, the stream's last sequence
/// as last read from NATS, and whether it is connected. Written by the applier, read by any thread.
/// </summary>
public sealed class NodeStatus(string node)
{
    private long _applied;
    private long _stream;
    private int _connected;
    private int _everConnected;

    /// <summary>The node's name: its durable consumer's name.</summary>
    public string Node { get; } = node;

    /// <summary>The last stream sequence the node's index holds (committed and searchable).</summary>
    public ulong AppliedSequence
    {
        get => (ulong)Interlocked.Read(ref _applied);
        set => Interlocked.Exchange(ref _applied, (long)value);
    }

    /// <summary>The stream's last sequence when the node last asked (about once a second while connected); 0 before.</summary>
    public ulong StreamSequence
    {
        get => (ulong)Interlocked.Read(ref _stream);
        set => Interlocked.Exchange(ref _stream, (long)value);
    }

    /// <summary>
    /// Stream sequences the node is behind: an upper bound of the messages it still has to apply (superseded messages
    /// no longer in the stream count too). 0 when caught up.
    /// </summary>
    public ulong Lag => StreamSequence > AppliedSequence ? StreamSequence - AppliedSequence : 0;

    /// <summary>True while the node reads the stream: connected to NATS with its consumer in place.</summary>
    public bool Connected
    {
        get => Volatile.Read(ref _connected) == 1;
        set
        {
            Volatile.Write(ref _connected, value ? 1 : 0);
            if (value)
            {
                Volatile.Write(ref _everConnected, 1);
            }
        }
    }

    /// <summary>True once the node has read the stream's state at least once since it started, so <see cref="Lag"/> is known.</summary>
    public bool HasConnected => Volatile.Read(ref _everConnected) == 1;

    /// <summary>Why the node last failed to read the stream, or null while it reads it.</summary>
    public string? LastError { get; set; }
}
