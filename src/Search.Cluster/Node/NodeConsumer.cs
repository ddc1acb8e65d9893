using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Search.Cluster.Node;

/// <summary>
/// The node's durable pull consumer on the stream, named after the node, with explicit acks. The index commit is the
/// truth about what the node holds, not the consumer's position: the consumer is used as it is only when it stands
/// exactly at the index's sequence (everything up to it delivered and acknowledged, nothing in flight); otherwise it is
/// deleted and created again to start at the index's sequence + 1. That covers a node killed between its commit and
/// its acks, messages delivered but lost with a connection, an index restored from elsewhere, and a first start.
/// </summary>
public static partial class NodeConsumer
{
    /// <summary>How long a delivered message may stay unacknowledged before JetStream offers it again: far longer than
    /// a batch takes to apply, so a redelivery means a lost acknowledgement, never a slow batch.</summary>
    private static readonly TimeSpan AckWait = TimeSpan.FromMinutes(2);

    /// <summary>Attaches to (or creates) the consumer so its next message is the first after <paramref name="applied"/>.</summary>
    /// <returns>The consumer and the last delivery sequence it handed out, from which the next delivery counts on.</returns>
    public static async Task<(INatsJSConsumer Consumer, ulong LastDelivery)> AttachAsync(
        INatsJSContext jetStream, string name, ulong applied, int batchSize, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jetStream);
        try
        {
            var existing = await jetStream.GetConsumerAsync(ClusterSettings.StreamName, name, cancellationToken).ConfigureAwait(false);
            var info = existing.Info;
            if (info.Delivered.StreamSeq == applied && info.AckFloor.StreamSeq == applied && info.NumAckPending == 0
                && info.Config.AckPolicy == ConsumerConfigAckPolicy.Explicit)
            {
                return (existing, info.Delivered.ConsumerSeq);
            }

            LogRecreating(logger, name, info.Delivered.StreamSeq, info.AckFloor.StreamSeq, applied);
            await jetStream.DeleteConsumerAsync(ClusterSettings.StreamName, name, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            LogCreating(logger, name, applied + 1);
        }

        var config = new ConsumerConfig(name)
        {
            Description = "A search node: applies every article of the stream to its own index.",
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence,
            OptStartSeq = applied + 1,
            AckWait = AckWait,
            MaxAckPending = Math.Max(1000, batchSize * 2),
        };
        var consumer = await jetStream.CreateOrUpdateConsumerAsync(ClusterSettings.StreamName, config, cancellationToken).ConfigureAwait(false);
        return (consumer, consumer.Info.Delivered.ConsumerSeq);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {Name} is at delivered {Delivered}, acknowledged {AckFloor}; the index holds {Applied}: recreating it to start at {Applied} + 1")]
    private static partial void LogRecreating(ILogger logger, string name, ulong delivered, ulong ackFloor, ulong applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating consumer {Name} to start at stream sequence {Start}")]
    private static partial void LogCreating(ILogger logger, string name, ulong start);
}
