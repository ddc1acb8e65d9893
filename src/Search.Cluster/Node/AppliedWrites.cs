namespace Search.Cluster.Node;

/// <summary>
/// Read-your-writes: a write that JetStream acknowledged at some stream sequence waits here until this node has applied
/// that sequence (committed and searchable), and learns what applying it did (added, updated, deleted, …) so the API
/// answers exactly as the single node does. The outcomes of the most recently applied messages are kept for writers
/// whose acknowledgement arrives after the node already applied the message (the node's consumer and the publisher's
/// acknowledgement race); a writer always looks its outcomes up in the same step as it learns they are applied, so
/// the window only has to cover the time between an acknowledgement and that step.
/// </summary>
public sealed class AppliedWrites
{
    /// <summary>How many applied messages' outcomes are kept.</summary>
    public const int RecentCapacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, ApplyOutcome> _recent = [];
    private readonly Queue<ulong> _recentOrder = new();
    private readonly List<Waiter> _waiters = [];
    private ulong _applied;

    /// <summary>The last sequence this node has applied and made searchable.</summary>
    public ulong Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied;
            }
        }
    }

    /// <summary>Sets where the node's index stands (when it is opened); outcomes before it are unknown.</summary>
    public void Start(ulong applied)
    {
        lock (_gate)
        {
            _applied = Math.Max(_applied, applied);
        }
    }

    /// <summary>Records a batch that is committed and searchable, and releases the writers waiting for it.</summary>
    public void Record(IReadOnlyList<(ulong Sequence, ApplyOutcome Outcome)> outcomes, ulong applied)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        lock (_gate)
        {
            foreach (var (sequence, outcome) in outcomes)
            {
                if (_recent.TryAdd(sequence, outcome))
                {
                    _recentOrder.Enqueue(sequence);
                }
            }

            while (_recentOrder.Count > RecentCapacity)
            {
                _recent.Remove(_recentOrder.Dequeue());
            }

            _applied = Math.Max(_applied, applied);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var waiter = _waiters[i];
                if (waiter.Until <= _applied)
                {
                    _waiters.RemoveAt(i);
                    waiter.Done.TrySetResult(LookUp(waiter.Sequences));
                }
            }
        }
    }

    /// <summary>
    /// Waits until every sequence is applied, at most <paramref name="timeout"/>, and returns each one's outcome: null
    /// for a sequence not applied in time, <see cref="ApplyOutcome.Superseded"/> for one the node never saw because a
    /// later message on its subject replaced it in the stream first.
    /// </summary>
    public async Task<IReadOnlyList<ApplyOutcome?>> WaitAsync(IReadOnlyList<ulong> sequences, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            return [];
        }

        Waiter waiter;
        lock (_gate)
        {
            var until = sequences.Max();
            if (until <= _applied)
            {
                return LookUp(sequences);
            }

            waiter = new Waiter(sequences, until, new TaskCompletionSource<IReadOnlyList<ApplyOutcome?>>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
                // Applied in the meantime after all, or partly: what is applied has its outcome, the rest is pending.
                return LookUp(sequences);
            }
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw;
        }
    }

    // Under the lock.
    private ApplyOutcome?[] LookUp(IReadOnlyList<ulong> sequences)
    {
        var outcomes = new ApplyOutcome?[sequences.Count];
        for (var i = 0; i < sequences.Count; i++)
        {
            var sequence = sequences[i];
            outcomes[i] = sequence > _applied ? null
                : _recent.TryGetValue(sequence, out var outcome) ? outcome
                : ApplyOutcome.Superseded;
        }

        return outcomes;
    }

    private sealed record Waiter(IReadOnlyList<ulong> Sequences, ulong Until, TaskCompletionSource<IReadOnlyList<ApplyOutcome?>> Done);
}
