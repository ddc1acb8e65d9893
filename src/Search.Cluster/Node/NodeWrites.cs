using System.Globalization;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Search.Cluster.Node;

/// <summary>
/// A write in cluster mode: publish to the stream, wait for JetStream's acknowledgement (then a majority of the
/// stream's servers hold it and it survives the loss of any one), then wait until this node has applied it, so the
/// writer reads its own write on this node when the answer comes. The node's own index is written only by its
/// applier, in stream order, like every other node's.
/// </summary>
public sealed class NodeWrites(StreamApplier node, ClusterSettings settings)
{
    // Publishes in flight at once in a bulk write: enough to hide the round trip to JetStream, few enough that a bulk
    // write of 10,000 lines does not flood the connection's buffer.
    private const int Window = 128;

    // When the stream's leader dies, JetStream has no responders until the others elect a new one (about 5 s with
    // nats-server 2.9). A message that met no responders was not stored, so sending it again is safe: it is tried again
    // every 250 ms until the acknowledgement timeout, and the writer sees a slow write rather than a 503.
    private static readonly NatsJSPubOpts ThroughElections = new()
    {
        RetryAttempts = int.MaxValue,
        RetryWaitBetweenAttempts = TimeSpan.FromMilliseconds(250),
    };

    /// <summary>
    /// Publishes the messages in order and waits for them to be applied on this node; returns each message's outcome,
    /// or null for one that was acknowledged (stored in the log) but not applied here within
    /// <see cref="ClusterSettings.ApplyTimeoutSeconds"/>.
    /// </summary>
    /// <exception cref="WriteNotAcknowledgedException">Not every message was acknowledged within
    /// <see cref="ClusterSettings.AckTimeoutSeconds"/>.</exception>
    public async Task<IReadOnlyList<ApplyOutcome?>> WriteAsync(IReadOnlyList<ArticleMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        var sequences = await PublishAsync(messages, cancellationToken).ConfigureAwait(false);
        return await node.Writes.WaitAsync(sequences, TimeSpan.FromSeconds(settings.ApplyTimeoutSeconds), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ulong[]> PublishAsync(IReadOnlyList<ArticleMessage> messages, CancellationToken cancellationToken)
    {
        var log = node.Log ?? throw new WriteNotAcknowledgedException(
            $"Node {node.NodeName} has not reached NATS since it started ({node.Status.LastError ?? "connecting"}); nothing was stored.");
        var sequences = new ulong[messages.Count];
        var acknowledged = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.AckTimeoutSeconds));
        var inFlight = new List<(int Index, Task<ulong> Ack)>(Window);
        var idsInFlight = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                // One id twice in a bulk write: the first must be stored before the second is sent, so the later line wins
                // as it does on a single node; different ids may be in flight together.
                if (inFlight.Count == Window || !idsInFlight.Add(messages[i].Id))
                {
                    acknowledged += await DrainAsync(inFlight, sequences).ConfigureAwait(false);
                    idsInFlight.Clear();
                    idsInFlight.Add(messages[i].Id);
                }

                inFlight.Add((i, log.PublishAsync(messages[i], ThroughElections, timeout.Token)));
            }

            acknowledged += await DrainAsync(inFlight, sequences).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Let the rest finish or fail too, so no publish is left unobserved.
            acknowledged += await SettleAsync(inFlight).ConfigureAwait(false);
            var what = messages.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"The write was not acknowledged by the cluster's log within {settings.AckTimeoutSeconds:0.#} s ({Reason(e)}); it may or may not be stored.")
                : string.Create(CultureInfo.InvariantCulture, $"Only {acknowledged:N0} of {messages.Count:N0} writes were acknowledged by the cluster's log within {settings.AckTimeoutSeconds:0.#} s ({Reason(e)}); the others may or may not be stored.");
            throw new WriteNotAcknowledgedException(what + " Writes are upserts and deletes by id: sending the request again is safe.", e);
        }

        return sequences;
    }

    private static async Task<int> DrainAsync(List<(int Index, Task<ulong> Ack)> inFlight, ulong[] sequences)
    {
        var count = 0;
        while (inFlight.Count > 0)
        {
            var (index, ack) = inFlight[0];
            sequences[index] = await ack.ConfigureAwait(false);
            inFlight.RemoveAt(0);
            count++;
        }

        return count;
    }

    private static async Task<int> SettleAsync(List<(int Index, Task<ulong> Ack)> inFlight)
    {
        var count = 0;
        foreach (var (_, ack) in inFlight)
        {
            try
            {
                await ack.ConfigureAwait(false);
                count++;
            }
            catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException)
            {
                // Counted as not acknowledged.
            }
        }

        inFlight.Clear();
        return count;
    }

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException => "no acknowledgement came: NATS unreachable or the stream without a quorum",
        NatsNoRespondersException => "no JetStream server answered",
        _ => e.Message,
    };
}
