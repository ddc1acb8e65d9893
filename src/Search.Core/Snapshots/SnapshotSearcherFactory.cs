using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Completion;
using Search.Core.Documents;
using Search.Core.Ranking;
using Search.Core.Scoring;

namespace Search.Core.Snapshots;

/// <summary>
/// Makes each snapshot's searcher: BM25 as <see cref="ArticleFields.Similarity"/> scores it, and the snapshot's
/// completion words and common-word tables, built in the background: a refresh, and so every write through the API
/// (which refreshes before it answers), would otherwise wait for them (half a second for the real corpus). Searches
/// use the tables once they are there; the results are the same either way.
/// </summary>
internal sealed class SnapshotSearcherFactory(long commonWordBudget, long completionBudget, RankingWeights weights) : SearcherFactory
{
    private readonly ArticleSimilarity _similarity = weights == RankingWeights.Default ? (ArticleSimilarity)ArticleFields.Similarity : new ArticleSimilarity(weights);

    private readonly List<Task> _builds = [];
    private CancellationTokenSource? _building;
    private CompletionWords _completions = CompletionWords.None;

    /// <summary>How many builds have not finished.</summary>
    public int Running
    {
        get
        {
            lock (_builds)
            {
                return _builds.Count(build => !build.IsCompleted);
            }
        }
    }

    /// <summary>Cancels the builds still running and waits for them to let go of their snapshots.</summary>
    public void Stop()
    {
        Task[] running;
        lock (_builds)
        {
            running = [.. _builds];
        }

        _building?.Cancel();
        Task.WaitAll(running);
    }

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        // Until its own are built, a snapshot completes with the words of the one before: after a write, the words
        // of the articles it added come a moment later, but the others stay.
        var searcher = new SnapshotSearcher(reader) { Similarity = _similarity, Completions = Volatile.Read(ref _completions) };
        if ((commonWordBudget <= 0 && completionBudget <= 0) || !reader.TryIncRef())
        {
            return searcher;
        }

        // A newer snapshot makes the tables of the one before it not worth finishing.
        var cancel = new CancellationTokenSource();
        Interlocked.Exchange(ref _building, cancel)?.Cancel();
        searcher.TablesBuilt = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    // The completion words first: a pass over the term dictionaries, a fraction of the tables' time.
                    if (completionBudget > 0)
                    {
                        searcher.Completions = CompletionWords.Build(reader, completionBudget, cancel.Token);
                        Volatile.Write(ref _completions, searcher.Completions);
                    }

                    if (commonWordBudget > 0)
                    {
                        searcher.CommonWords = CommonWords.Build(searcher, commonWordBudget, weights, cancel.Token);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException)
                {
                    // Cancelled, or the index went away or is damaged: searches read the postings, and report the damage.
                }
                finally
                {
                    reader.DecRef();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        lock (_builds)
        {
            _builds.RemoveAll(build => build.IsCompleted);
            _builds.Add(searcher.TablesBuilt);
        }

        return searcher;
    }
}
