using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Analyses articles on several threads while the caller reads input, and writes them into the index on one thread, in
/// the order they came: when an id occurs twice in one run the later article is written last, and a new index is one
/// segment as written (one writing thread fills one in-memory segment), not one per thread to be merged afterwards.
/// </summary>
internal sealed class WriterPool : IDisposable
{
    private const int QueueCapacity = 512;

    private readonly ArticleIndexWriter _writer;
    private readonly int _threads;
    private BlockingCollection<Task<PreparedArticle>> _inOrder;
    private BlockingCollection<(NewsArticle Article, string? File, TaskCompletionSource<PreparedArticle> Prepared)>[] _toAnalyse = [];
    private Task[] _workers = [];
    private CancellationTokenSource _failed = new();
    private int _next;
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
        var prepared = new TaskCompletionSource<PreparedArticle>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // In order first: the queue's capacity is what bounds the articles in flight.
            _inOrder.Add(prepared.Task, _failed.Token);
            _toAnalyse[_next++ % _threads].Add((article, file, prepared), _failed.Token);
        }
        catch (OperationCanceledException)
        {
            Drain(); // rethrows the failure
            throw;
        }
    }

    /// <summary>Waits until every posted article is written, then takes more; rethrows a failure to analyse or write one.</summary>
    public void Drain()
    {
        Stop(rethrow: true);
        Start();
    }

    /// <summary>Waits until every posted article is written and stops the threads; rethrows a failure to analyse or write one.</summary>
    public void Complete() => Stop(rethrow: true);

    public void Dispose() => Stop(rethrow: false);

    private void Stop(bool rethrow)
    {
        if (_workers.Length == 0)
        {
            return;
        }

        _inOrder.CompleteAdding();
        foreach (var queue in _toAnalyse)
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
            _inOrder.Dispose();
            foreach (var queue in _toAnalyse)
            {
                queue.Dispose();
            }

            _failed.Dispose();
            _toAnalyse = [];
            _workers = [];
        }
    }

    [MemberNotNull(nameof(_inOrder))]
    private void Start()
    {
        _failed = new CancellationTokenSource();
        _inOrder = new BlockingCollection<Task<PreparedArticle>>(QueueCapacity);
        _toAnalyse = [.. Enumerable.Range(0, _threads).Select(_ => new BlockingCollection<(NewsArticle, string?, TaskCompletionSource<PreparedArticle>)>())];
        _workers =
        [
            Task.Factory.StartNew(Write, TaskCreationOptions.LongRunning),
            .. _toAnalyse.Select(queue => Task.Factory.StartNew(() => Analyse(queue), TaskCreationOptions.LongRunning)),
        ];
    }

    private void Analyse(BlockingCollection<(NewsArticle Article, string? File, TaskCompletionSource<PreparedArticle> Prepared)> queue)
    {
        foreach (var (article, file, prepared) in queue.GetConsumingEnumerable())
        {
            try
            {
                prepared.SetResult(_writer.Prepare(article, file));
            }
#pragma warning disable CA1031 // Any failure belongs to the article: the writing thread rethrows it when it gets there.
            catch (Exception e)
#pragma warning restore CA1031
            {
                prepared.SetException(e);
            }
        }
    }

    private void Write()
    {
        try
        {
            foreach (var prepared in _inOrder.GetConsumingEnumerable())
            {
                switch (_writer.Write(prepared.GetAwaiter().GetResult()))
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
