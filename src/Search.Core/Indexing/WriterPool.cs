using System.Collections.Concurrent;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Analyses and writes articles on several threads while the caller reads input. An id always goes to the
/// same thread, so when an id occurs twice in one run the later article is written last.
/// </summary>
internal sealed class WriterPool : IDisposable
{
    private const int QueueCapacity = 512;

    private readonly ArticleIndexWriter _writer;
    private readonly int _threads;
    private BlockingCollection<(NewsArticle Article, string? File)>[] _queues = [];
    private Task[] _workers = [];
    private CancellationTokenSource _failed = new();
    private int _added;
    private int _updated;
    private int _unchanged;

    public WriterPool(ArticleIndexWriter writer, int threads)
    {
        _writer = writer;
        _threads = Math.Max(1, threads);
        Start();
    }

    public int Added => Volatile.Read(ref _added);

    public int Updated => Volatile.Read(ref _updated);

    public int Unchanged => Volatile.Read(ref _unchanged);

    public void Post(NewsArticle article, string? file)
    {
        var queue = _queues[(article.Id.GetHashCode(StringComparison.Ordinal) & int.MaxValue) % _threads];
        try
        {
            queue.Add((article, file), _failed.Token);
        }
        catch (OperationCanceledException)
        {
            Drain(); // rethrows the writer thread's failure
            throw;
        }
    }

    /// <summary>Waits until every posted article is written, then takes more; rethrows a writer thread's failure.</summary>
    public void Drain()
    {
        Stop(rethrow: true);
        Start();
    }

    /// <summary>Waits until every posted article is written and stops the threads; rethrows a writer thread's failure.</summary>
    public void Complete() => Stop(rethrow: true);

    public void Dispose() => Stop(rethrow: false);

    private void Stop(bool rethrow)
    {
        if (_queues.Length == 0)
        {
            return;
        }

        foreach (var queue in _queues)
        {
            queue.CompleteAdding();
        }

        try
        {
            Task.WaitAll(_workers);
        }
        catch (AggregateException e) when (rethrow && e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        catch (AggregateException) when (!rethrow)
        {
            // Disposing after a failure: the failure itself is already on its way to the caller.
        }
        finally
        {
            foreach (var queue in _queues)
            {
                queue.Dispose();
            }

            _failed.Dispose();
            _queues = [];
            _workers = [];
        }
    }

    private void Start()
    {
        _failed = new CancellationTokenSource();
        _queues = [.. Enumerable.Range(0, _threads).Select(_ => new BlockingCollection<(NewsArticle, string?)>(QueueCapacity))];
        _workers = [.. _queues.Select(queue => Task.Factory.StartNew(() => Work(queue), TaskCreationOptions.LongRunning))];
    }

    private void Work(BlockingCollection<(NewsArticle Article, string? File)> queue)
    {
        try
        {
            foreach (var (article, file) in queue.GetConsumingEnumerable())
            {
                switch (_writer.Upsert(article, file))
                {
                    case UpsertOutcome.Added: Interlocked.Increment(ref _added); break;
                    case UpsertOutcome.Updated: Interlocked.Increment(ref _updated); break;
                    default: Interlocked.Increment(ref _unchanged); break;
                }
            }
        }
        catch
        {
            _failed.Cancel();
            throw;
        }
    }
}
