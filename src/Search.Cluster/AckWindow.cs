namespace Search.Cluster;

/// <summary>
/// Keeps many JetStream publishes in flight and takes their acknowledgements in the order they were sent. Awaiting
/// each acknowledgement before the next publish costs a round trip per article (a few hundred articles a second with
/// three replicas); a window of outstanding publishes keeps the connection busy instead. Only an acknowledgement that
/// came is counted, so <see cref="Acknowledged"/> never includes an article that may not be stored.
/// </summary>
/// <param name="capacity">The most publishes in flight; the next one waits for the oldest acknowledgement.</param>
/// <param name="timeout">How long to wait for the oldest acknowledgement. NATS.Net holds a publish while it reconnects
/// and retries for as long as the servers are gone, so without a limit a cluster that is down would be waited for
/// forever.</param>
public sealed class AckWindow(int capacity, TimeSpan timeout)
{
    private readonly Queue<Task<ulong>> _pending = new();

    /// <summary>Publishes whose acknowledgement came, in the order they were sent.</summary>
    public int Acknowledged { get; private set; }

    /// <summary>The highest stream sequence acknowledged so far (0 before the first).</summary>
    public ulong LastSequence { get; private set; }

    /// <summary>Publishes sent and not yet acknowledged.</summary>
    public int InFlight => _pending.Count;

    /// <summary>Adds a publish; when the window is full, waits for the oldest acknowledgement first.</summary>
    /// <exception cref="TimeoutException">The oldest acknowledgement did not come within the timeout.</exception>
    /// <exception cref="Exception">The oldest publish failed: whatever it threw (no acknowledgement, or JetStream refused it).</exception>
    public async ValueTask AddAsync(Task<ulong> publish)
    {
        ArgumentNullException.ThrowIfNull(publish);
        _pending.Enqueue(publish);
        while (_pending.Count > Math.Max(1, capacity))
        {
            await TakeOldestAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every acknowledgement still outstanding, in order.</summary>
    public async ValueTask DrainAsync()
    {
        while (_pending.Count > 0)
        {
            await TakeOldestAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gives up on the publishes still in flight after a failure: they are neither counted nor awaited (some may still be
    /// stored; publishing again is safe, every message is an upsert by id), and their exceptions are observed.
    /// </summary>
    public void Abandon()
    {
        foreach (var publish in _pending)
        {
            _ = publish.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        _pending.Clear();
    }

    private async ValueTask TakeOldestAsync()
    {
        ulong sequence;
        try
        {
            sequence = await _pending.Peek().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"JetStream did not acknowledge a publish within {timeout.TotalSeconds:N0} s", e);
        }

        _ = _pending.Dequeue();
        Acknowledged++;
        LastSequence = Math.Max(LastSequence, sequence);
    }
}
