using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Analyses articles on several threads while the caller reads input, and writes them into the index on one thread, in
/// the order they came: when an id occurs twice in one run the later article is written last, and a new index is one
/// segment as written (one writing thread fills one in-memory segment), not one per thread to be merged afterwards.
/// Articles travel in batches of <see cref="BatchSize"/>: handed over one at a time, the threads woke each other for
/// every article and spent a fifth of the indexer's CPU spinning in the queues' waits.
/// </summary>
internal sealed class WriterPool : IDisposable
{
    /// <summary>The articles handed to a thread at once.</summary>
    private const int BatchSize = 32;

    /// <summary>The batches in flight (analysed or waiting), which bounds the memory they hold.</summary>
    private const int QueueCapacity = 512 / BatchSize;

    private readonly ArticleIndexWriter _writer;
    private readonly int _threads;
    private BlockingCollection<Task<Prepared[]>> _inOrder;
    private BlockingCollection<(List<(NewsArticle Article, string? File)> Batch, TaskCompletionSource<Prepared[]> Prepared)>[] _toAnalyse = [];
    private List<(NewsArticle Article, string? File)> _batch = new(BatchSize);
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
        _batch.Add((article, file));
        if (_batch.Count == BatchSize)
        {
            Hand();
        }
    }

    // Hands the batch being filled to the next analysing thread, and its place in the order to the writing thread.
    private void Hand()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var prepared = new TaskCompletionSource<Prepared[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var batch = _batch;
        _batch = new List<(NewsArticle, string?)>(BatchSize);
        try
        {
            // In order first: the queue's capacity is what bounds the articles in flight.
            _inOrder.Add(prepared.Task, _failed.Token);
            _toAnalyse[_next++ % _threads].Add((batch, prepared), _failed.Token);
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
        Hand();
        Stop(rethrow: true);
        Start();
    }

    /// <summary>Waits until every posted article is written and stops the threads; rethrows a failure to analyse or write one.</summary>
    public void Complete()
    {
        Hand();
        Stop(rethrow: true);
    }

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
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
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
            _batch.Clear();
        }
    }

    [MemberNotNull(nameof(_inOrder))]
    private void Start()
    {
        _failed = new CancellationTokenSource();
        _inOrder = new BlockingCollection<Task<Prepared[]>>(QueueCapacity);
        _toAnalyse = [.. Enumerable.Range(0, _threads).Select(_ => new BlockingCollection<(List<(NewsArticle, string?)>, TaskCompletionSource<Prepared[]>)>())];
        _workers =
        [
            Task.Factory.StartNew(Write, TaskCreationOptions.LongRunning),
            .. _toAnalyse.Select(queue => Task.Factory.StartNew(() => Analyse(queue), TaskCreationOptions.LongRunning)),
        ];
    }

    private void Analyse(BlockingCollection<(List<(NewsArticle Article, string? File)> Batch, TaskCompletionSource<Prepared[]> Prepared)> queue)
    {
        foreach (var (batch, prepared) in queue.GetConsumingEnumerable())
        {
            var results = new Prepared[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    results[i] = new Prepared(_writer.Prepare(batch[i].Article, batch[i].File), null);
                }
#pragma warning disable CA1031 // Any failure belongs to the article: the writing thread rethrows it when it gets there.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    results[i] = new Prepared(null, ExceptionDispatchInfo.Capture(e));
                }
            }

            prepared.SetResult(results);
        }
    }

    private void Write()
    {
        try
        {
            foreach (var batch in _inOrder.GetConsumingEnumerable())
            {
                foreach (var (article, failure) in batch.GetAwaiter().GetResult())
                {
                    failure?.Throw();
                    switch (_writer.Write(article!))
                    {
                        case UpsertOutcome.Added: Interlocked.Increment(ref _added); break;
                        case UpsertOutcome.Updated: Interlocked.Increment(ref _updated); break;
                        default: Interlocked.Increment(ref _unchanged); break;
                    }
                }
            }
        }
        catch
        {
            _failed.Cancel();
            throw;
        }
    }

    // An article analysed, or why it could not be.
    private readonly record struct Prepared(PreparedArticle? Article, ExceptionDispatchInfo? Failure);
}
