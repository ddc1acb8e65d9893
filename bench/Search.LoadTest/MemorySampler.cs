namespace Search.LoadTest;

/// <summary>Samples a process's resident memory and threads every few hundred milliseconds until disposed.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _maxRssKiB;
    private int _maxThreads;
    private int _samples;

    public MemorySampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _loop = LoopAsync(interval);
    }

    /// <summary>The highest sampled resident memory since the last <see cref="Reset"/>.</summary>
    public long MaxRssKiB => Interlocked.Read(ref _maxRssKiB);

    /// <summary>The most threads seen since the last <see cref="Reset"/>.</summary>
    public int MaxThreads => Volatile.Read(ref _maxThreads);

    /// <summary>Samples taken since the last <see cref="Reset"/>.</summary>
    public int Samples => Volatile.Read(ref _samples);

    /// <summary>Starts a new window, e.g. when the measured run begins after the warm-up.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _maxRssKiB, 0);
        Volatile.Write(ref _maxThreads, 0);
        Volatile.Write(ref _samples, 0);
        Sample();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        Sample();
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        Sample();
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            Sample();
        }
    }

    private void Sample()
    {
        if (ProcessSnapshot.TryRead(_pid) is not { } snapshot)
        {
            return;
        }

        Interlocked.Increment(ref _samples);
        long seen;
        while ((seen = Interlocked.Read(ref _maxRssKiB)) < snapshot.RssKiB && Interlocked.CompareExchange(ref _maxRssKiB, snapshot.RssKiB, seen) != seen)
        {
        }

        int threads;
        while ((threads = Volatile.Read(ref _maxThreads)) < snapshot.Threads && Interlocked.CompareExchange(ref _maxThreads, snapshot.Threads, threads) != threads)
        {
        }
    }
}
