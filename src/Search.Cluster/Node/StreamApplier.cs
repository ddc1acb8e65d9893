using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Search.Cluster.Node;

/// <summary>
/// The node's side of the log: reads the stream through the node's durable consumer from the index's sequence + 1 and
/// applies it in batches, each one committed with its last sequence, then made searchable and reported to the writers
/// waiting for it (<see cref="Writes"/>), then acknowledged. Delivery is at least once, which is safe because every
/// message is an upsert or delete by id and the index commit, not the consumer, says what the node holds.
/// Any failure (NATS gone, no quorum, a lost delivery, the disk) is logged and retried with a growing pause; the NATS
/// client reconnects by itself, and the consumer is put back at the index's sequence each time.
/// </summary>
public sealed partial class StreamApplier : IAsyncDisposable
{
    // How long one pull waits for a message when there is none; then it asks again. Short, because a pull sent to a
    // consumer leader that then dies is never answered (measured: 15 s and more after a server was killed), and the
    // client cannot tell it from a quiet stream before its own timeout.
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    // How long any one call to NATS may take beyond that before the applier gives up on it and attaches again.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StreamPollInterval = TimeSpan.FromSeconds(1);

    private readonly ClusterSettings _settings;
    private readonly string _indexPath;
    private readonly Action<IReadOnlyList<ApplyOutcome>> _applied;
    private readonly ILogger _logger;
    private NodeIndex? _index;
    private volatile ArticleLog? _log;
    private volatile bool _attached;

    /// <param name="settings">The cluster settings; <see cref="ClusterSettings.Nats"/> must be set.</param>
    /// <param name="indexPath">The node's index folder; it must hold a committed index (possibly empty).</param>
    /// <param name="applied">Called after each batch is committed and acknowledged, before the waiting writers are
    /// released: makes the batch searchable (refreshes the searcher) and counts it.</param>
    /// <param name="logger">Where failures, skipped messages and reconnections are logged.</param>
    public StreamApplier(ClusterSettings settings, string indexPath, Action<IReadOnlyList<ApplyOutcome>> applied, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            throw new ArgumentException("Search:Cluster:Nats is not set.", nameof(settings));
        }

        _settings = settings;
        _indexPath = indexPath;
        _applied = applied;
        _logger = logger;
        NodeName = settings.NodeName();
        Status = new NodeStatus(NodeName);
    }

    /// <summary>The node's name, also its consumer's.</summary>
    public string NodeName { get; }

    /// <summary>Where the node stands, for health and readiness.</summary>
    public NodeStatus Status { get; }

    /// <summary>Writers waiting for their sequences to be applied here.</summary>
    public AppliedWrites Writes { get; } = new();

    /// <summary>The log once the node has connected to NATS (the client reconnects by itself from then on); null before.</summary>
    public ArticleLog? Log => _log;

    /// <summary>Reads and applies the stream until <paramref name="stoppingToken"/> is cancelled; never throws otherwise.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // The service answers reads from its index meanwhile: nothing here may hold up start-up.
        await Task.Yield();
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var polling = PollStreamAsync(stopPolling.Token);
        try
        {
            await ApplyUntilStoppedAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await stopPolling.CancelAsync().ConfigureAwait(false);
            await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _index?.Dispose();
        _index = null;
        if (_log is { } log)
        {
            _log = null;
            await log.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ApplyUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_index is null)
                {
                    _index = NodeIndex.Open(_indexPath);
                    Status.AppliedSequence = _index.Applied;
                    Writes.Start(_index.Applied);
                }

                _log ??= await ArticleLog.OpenAsync(_settings.Nats!, _settings.Replicas, $"search-node-{NodeName}", stoppingToken).ConfigureAwait(false);
                var (consumer, lastDelivery) = await NodeConsumer.AttachAsync(_log.JetStream, NodeName, _index.Applied, BatchSize, _logger, stoppingToken)
                    .ConfigureAwait(false);
                var last = await _log.LastSequenceAsync(stoppingToken).ConfigureAwait(false);
                Status.StreamSequence = last;
                if (last < _index.Applied)
                {
                    LogIndexAhead(_logger, _index.Applied, last);
                }

                _attached = true;
                Status.Connected = true;
                Status.LastError = null;
                LogReading(_logger, NodeName, _index.Applied, last);
                pause = FirstPause;
                await PullAsync(consumer, _index, lastDelivery, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must outlive any failure: NATS, the network, the disk; it logs and tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _attached = false;
                Status.Connected = false;
                Status.LastError = e.Message;
                LogFailed(_logger, e.Message, pause.TotalSeconds, e);
                try
                {
                    await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    private int BatchSize => Math.Max(1, _settings.BatchSize);

    // Returns only by an exception: NATS failing, a delivery lost, the index failing, or the stop.
    private async Task PullAsync(INatsJSConsumer consumer, NodeIndex index, ulong lastDelivery, CancellationToken stoppingToken)
    {
        var expected = lastDelivery + 1;
        var messages = new List<INatsJSMsg<byte[]>>(BatchSize);
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            messages.Clear();
            using (var timeout = Timeout(stoppingToken))
            {
                try
                {
                    // What is there now, up to a batch: a node catching up takes whole batches (one commit each).
                    await foreach (var message in consumer.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = BatchSize }, cancellationToken: timeout.Token)
                        .ConfigureAwait(false))
                    {
                        messages.Add(message);
                    }

                    // Nothing there: wait for the next message, which then goes through at once (a write waits for it).
                    if (messages.Count == 0
                        && await consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = IdleWait }, cancellationToken: timeout.Token)
                            .ConfigureAwait(false) is { } next)
                    {
                        messages.Add(next);
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Pulling from consumer {NodeName} took more than {(IdleWait + CallTimeout).TotalSeconds} s.");
                }
            }

            if (messages.Count > 0)
            {
                expected = await ApplyAsync(messages, index, expected, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken stoppingToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(IdleWait + CallTimeout);
        return timeout;
    }

    private async Task<ulong> ApplyAsync(List<INatsJSMsg<byte[]>> messages, NodeIndex index, ulong expected, CancellationToken stoppingToken)
    {
        var entries = new List<StreamEntry>(messages.Count);
        foreach (var message in messages)
        {
            var sequence = message.Metadata?.Sequence ?? throw new InvalidOperationException($"A message on '{message.Subject}' came without JetStream metadata.");
            // Every delivery, redeliveries too, takes the consumer's next delivery number: a jump means a delivery was lost
            // on the way (with a connection) and would otherwise only come back after the ack wait, behind later ones.
            if (sequence.Consumer != expected)
            {
                throw new InvalidOperationException(
                    $"Delivery {expected} of consumer {NodeName} never arrived (the next was {sequence.Consumer}); reading again from the index's sequence.");
            }

            expected++;
            if (sequence.Stream > index.Applied && (entries.Count == 0 || sequence.Stream > entries[^1].Sequence))
            {
                entries.Add(new StreamEntry(sequence.Stream, message.Subject, message.Headers, message.Data ?? []));
            }
        }

        var outcomes = index.Apply(entries, (entry, e) => LogMalformed(_logger, entry.Subject, entry.Sequence, e.Message));
        if (entries.Count > 0)
        {
            // Committed: searchable and reported before the acknowledgements, so a failure to acknowledge (NATS going
            // away) never leaves a committed batch unseen; the consumer is put back after the index's sequence anyway.
            try
            {
                _applied(outcomes);
            }
            finally
            {
                // Even when the refresh failed: the batch is committed, and its writers learn their outcomes.
                Status.AppliedSequence = index.Applied;
                if (index.Applied > Status.StreamSequence)
                {
                    Status.StreamSequence = index.Applied;
                }

                Writes.Record([.. entries.Select((entry, i) => (entry.Sequence, outcomes[i]))], index.Applied);
            }
        }

        using (var timeout = Timeout(stoppingToken))
        {
            try
            {
                foreach (var message in messages)
                {
                    await message.AckAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Acknowledging {messages.Count} messages to consumer {NodeName} took more than {(IdleWait + CallTimeout).TotalSeconds} s.");
            }
        }

        return expected;
    }

    // The stream's last sequence about once a second, for the lag in /health and readiness, and whether NATS answers.
    private async Task PollStreamAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StreamPollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_log is not { } log)
            {
                continue;
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(StreamPollInterval * 2);
                Status.StreamSequence = Math.Max(await log.LastSequenceAsync(timeout.Token).ConfigureAwait(false), Status.AppliedSequence);
                Status.Connected = _attached;
            }
            catch (Exception e) when (e is NatsException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Status.Connected = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} reads the stream from sequence {Applied} + 1 (the stream is at {Last})")]
    private static partial void LogReading(ILogger logger, string node, ulong applied, ulong last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index holds stream sequence {Applied}, but the stream ends at {Last}: was the stream deleted and created again? Delete the index folder to rebuild it from the stream")]
    private static partial void LogIndexAhead(ILogger logger, ulong applied, ulong last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the stream ({Reason}); trying again in {Seconds:F2} s, serving reads from the index meanwhile")]
    private static partial void LogFailed(ILogger logger, string reason, double seconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipped the message on {Subject} at stream sequence {Sequence}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string subject, ulong sequence, string reason);
}
