namespace Search.Cluster.Node;

/// <summary>
/// JetStream did not acknowledge a write in time (NATS unreachable, no quorum of the stream's servers, or it refused
/// the message). The write may or may not be stored; sending it again is safe, because every write is an upsert or a
/// delete by id. The API answers it with 503 and Retry-After.
/// </summary>
public sealed class WriteNotAcknowledgedException : Exception
{
    public WriteNotAcknowledgedException()
    {
    }

    public WriteNotAcknowledgedException(string message)
        : base(message)
    {
    }

    public WriteNotAcknowledgedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
