using NATS.Client.Core;

namespace Search.Cluster.Node;

/// <summary>One message of the stream as the node applies it: its stream sequence, subject, headers and body.</summary>
public readonly record struct StreamEntry(ulong Sequence, string Subject, NatsHeaders? Headers, ReadOnlyMemory<byte> Body);
