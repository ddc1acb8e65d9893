using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Ranking;
using Search.Core.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Snapshots;

/// <summary>
/// The snapshots of one index folder: opened (and checked) once, one <see cref="SearcherManager"/> for every request,
/// each request on one <see cref="SnapshotSearcher"/> (<see cref="Use"/>); a refresh opens a new snapshot while
/// searches running on the old one finish on it. Thread-safe.
/// </summary>
internal sealed class IndexSnapshots : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly SearcherManager _searchers;
    private readonly SnapshotSearcherFactory _factory;

    private IndexSnapshots(LuceneDirectory directory, SearcherManager searchers, SnapshotSearcherFactory factory)
    {
        _directory = directory;
        _searchers = searchers;
        _factory = factory;
    }

    /// <summary>Opens the index in <paramref name="indexPath"/> and waits for its first snapshot's tables.</summary>
    /// <param name="indexPath">The index folder.</param>
    /// <param name="weights">The ranking the score tables are built for.</param>
    /// <param name="verifyChecksums">Read every file of every segment once and check its checksum first.</param>
    /// <param name="commonWordBudget">The memory for each snapshot's common-word tables; zero builds none.</param>
    /// <param name="completionBudget">The memory for each snapshot's completion words; zero builds none.</param>
    /// <exception cref="IndexUnavailableException">There is no index in that folder, or it is damaged.</exception>
    public static IndexSnapshots Open(string indexPath, RankingWeights weights, bool verifyChecksums, long commonWordBudget, long completionBudget)
    {
        var directory = new MappedDirectory(indexPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            throw new IndexUnavailableException(
                $"No index at {Path.GetFullPath(indexPath)}. Run: {RepositoryPaths.BuildIndexCommand(indexPath)}");
        }

        SearcherManager? searchers = null;
        SnapshotSearcherFactory? factory = null;
        try
        {
            if (verifyChecksums)
            {
                // Read through plain file reads, not the searcher's memory map: the check reads every byte of the
                // index once, and mapped pages would count in the service's resident memory from then on.
                using var files = new NIOFSDirectory(indexPath);
                using var reader = DirectoryReader.Open(files);
                foreach (var leaf in reader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
            }

            factory = new SnapshotSearcherFactory(commonWordBudget, completionBudget, weights);
            searchers = new SearcherManager(directory, factory);

            // A service starts with the tables of its first snapshot; later snapshots get theirs in the background.
            WaitForTables(searchers);
        }
        catch (Exception e) when (e is IOException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or InvalidCastException or OverflowException or FormatException)
        {
            // Damaged bytes that Lucene parses before any checksum sees them fail in whatever way the parser stumbles.
            factory?.Stop();
            searchers?.Dispose();
            directory.Dispose();
            throw new IndexUnavailableException(
                $"The index at {Path.GetFullPath(indexPath)} is damaged and will not be served ({e.Message.Split('\n')[0]}). " +
                $"Details: {RepositoryPaths.IndexerCommand()} check --index {RepositoryPaths.Shown(indexPath)}. " +
                $"Rebuild it: {RepositoryPaths.IndexerCommand()} <your corpus> --index {RepositoryPaths.Shown(indexPath)} --rebuild", e);
        }

        return new IndexSnapshots(directory, searchers, factory);
    }

    /// <summary>How many snapshots' tables are still being built.</summary>
    public int BuildsRunning => _factory.Running;

    /// <summary>The words of the current snapshot that have a score table (<see cref="SnapshotSearcher.CommonWords"/>),
    /// most common first.</summary>
    public IReadOnlyList<string> CommonWordTables => Use(searcher => (IReadOnlyList<string>)[.. searcher.CommonWords.Words]);

    /// <summary>Runs <paramref name="work"/> on the current snapshot, which stays open until it returns.</summary>
    public T Use<T>(Func<SnapshotSearcher, T> work)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return work((SnapshotSearcher)searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Switches to the latest committed state of the index, if it changed; returns at once when another
    /// thread is refreshing.</summary>
    public void Refresh() => _searchers.MaybeRefresh();

    /// <summary>Waits for a refresh in progress, then refreshes again.</summary>
    public void RefreshNow() => _searchers.MaybeRefreshBlocking();

    /// <summary>Waits until the current snapshot's tables are built (they are built in the background once a refresh
    /// has opened it).</summary>
    public void WaitForTables() => WaitForTables(_searchers);

    public void Dispose()
    {
        _factory.Stop();
        _searchers.Dispose();
        _directory.Dispose();
    }

    private static void WaitForTables(SearcherManager searchers)
    {
        var searcher = searchers.Acquire();
        try
        {
            ((SnapshotSearcher)searcher).TablesBuilt.Wait();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }
}
