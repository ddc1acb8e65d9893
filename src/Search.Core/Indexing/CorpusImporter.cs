using System.Globalization;
using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>
/// Reads corpus files and folders into an index: the work behind the indexer CLI and the API's first start.
/// Files recorded unchanged in the index's ledger are not read again; a changed file replaces its articles;
/// bad input is skipped and reported (or, when strict, stops the run and leaves the index as it was).
/// </summary>
public static class CorpusImporter
{
    /// <summary>Indexes every article under <paramref name="paths"/> into <paramref name="indexPath"/>.</summary>
    /// <param name="paths">Files or folders to read.</param>
    /// <param name="indexPath">The index folder; created when missing.</param>
    /// <param name="options">Strictness, pruning, rebuilding, commit interval; defaults when null.</param>
    /// <param name="progress">Told how far the run has got, a few times a second.</param>
    /// <exception cref="Errors.IndexUnavailableException">The index is locked by another writer or was built by an incompatible analyzer.</exception>
    /// <exception cref="IndexDiskFullException">The index's disk ran out of space; the index is left as of its last commit.</exception>
    public static ImportSummary Import(IReadOnlyCollection<string> paths, string indexPath, ImportOptions? options = null, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new ImportOptions();
        var run = new ImportRun(options, progress);
        var files = CorpusReader.FindFiles(paths, run.Skipped);
        var totalBytes = files.Sum(file => file.Size);

        // What the index folder held before, so a run that finds nothing for a new index removes only what it made.
        var fullIndexPath = Path.GetFullPath(indexPath);
        var folderExisted = Directory.Exists(fullIndexPath);
        var entriesBefore = folderExisted ? Directory.GetFileSystemEntries(fullIndexPath).ToHashSet(StringComparer.Ordinal) : [];
        ArticleIndexWriter writer;
        var learning = new LearningPass();
        try
        {
            writer = ArticleIndexWriter.Open(indexPath, options.Rebuild, () => learning.Learn(files, CompoundLearningArticles));
        }
        catch (Exception e) when (IndexDiskFullException.IsDiskFull(e))
        {
            throw new IndexDiskFullException(Path.GetFullPath(indexPath), e);
        }

        ImportSummary summary;
        using (writer)
        {
            try
            {
                summary = ImportInto(writer, files, learning, totalBytes, run, indexPath, options);
            }
            catch (Exception e) when (IndexDiskFullException.IsDiskFull(e))
            {
                // The writer threads have stopped by now; rolling back deletes the half-written files, freeing the disk.
                writer.RollbackAfterFailure();
                throw e as IndexDiskFullException ?? new IndexDiskFullException(Path.GetFullPath(indexPath), e);
            }
        }

        if (summary.NoIndexWritten)
        {
            RemoveWhatTheRunMade(fullIndexPath, folderExisted, entriesBefore);
        }

        return summary;
    }

    // Only when no index is committed there: an existing index, even an empty one, is never touched.
    private static void RemoveWhatTheRunMade(string indexPath, bool folderExisted, HashSet<string> entriesBefore)
    {
        using (var directory = Lucene.Net.Store.FSDirectory.Open(indexPath))
        {
            if (Lucene.Net.Index.DirectoryReader.IndexExists(directory))
            {
                return;
            }
        }

        foreach (var entry in Directory.GetFileSystemEntries(indexPath).Where(entry => !entriesBefore.Contains(entry)))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        if (!folderExisted && !Directory.EnumerateFileSystemEntries(indexPath).Any())
        {
            Directory.Delete(indexPath);
        }
    }

    private static ImportSummary ImportInto(ArticleIndexWriter writer, IReadOnlyList<InputFile> files, LearningPass learning, long totalBytes, ImportRun run, string indexPath, ImportOptions options)
    {
        // A new index ends as one segment (written as one, or merged into one), and Lucene's merge policy never makes a
        // segment that large a compound file: packing it into one would only copy it once more, single-threaded, at the end.
        writer.UseCompoundFiles = !(writer.StartedEmpty && options.MergeNewIndex);
        using var pool = new WriterPool(writer, options.WriterThreads);
        var stopped = options.Strict && run.Skipped.Count > 0;
        try
        {
            for (var i = 0; i < files.Count && !stopped; i++)
            {
                stopped = !run.ImportFile(files[i], learning, writer, pool, totalBytes);
            }

            if (options.Prune && !stopped)
            {
                run.PruneVanishedFiles(writer);
            }

            pool.Complete();
        }
        catch when (options.Strict)
        {
            writer.Rollback();
            throw;
        }

        // A new index (or a rebuild) that found no article is not written: an empty index would only hide that the
        // input was wrong (and a rebuild would replace the old index with nothing).
        var nothingFound = !stopped && writer.StartedEmpty && pool.Added + pool.Updated + pool.Unchanged == 0;
        if (stopped || nothingFound)
        {
            writer.Rollback();
        }
        else
        {
            writer.Commit();
        }

        var count = stopped ? -1 : nothingFound ? 0 : writer.Count;
        var (segments, notMerged) = stopped || nothingFound ? (0, null) : MergeIfNew(writer, indexPath, options, run, totalBytes);
        writer.Dispose();
        return new ImportSummary(pool.Added, pool.Updated, pool.Unchanged + run.UnchangedInFiles, run.Deleted, run.Skipped, run.Repeated,
            run.UnchangedFiles, count, run.Clock.Elapsed, FolderSize(indexPath), totalBytes, stopped)
        {
            Segments = segments,
            NotMerged = notMerged,
            NoIndexWritten = nothingFound,
        };
    }

    // A new index, committed complete, merged into one segment (ImportOptions.MergeNewIndex) when its disk has room for
    // a second copy. The segments after it, and why it was not merged.
    private static (int Segments, string? NotMerged) MergeIfNew(ArticleIndexWriter writer, string indexPath, ImportOptions options, ImportRun run, long totalBytes)
    {
        var segments = writer.CommittedSegments();
        if (!options.MergeNewIndex || !writer.StartedEmpty || segments <= 1)
        {
            return (segments, null);
        }

        var size = FolderSize(indexPath);
        var free = new DriveInfo(Path.GetFullPath(indexPath)).AvailableFreeSpace;
        if (free < size)
        {
            return (segments, $"merging needs up to {Mebibytes(size)} free beside the index and its disk has {Mebibytes(free)}. " +
                $"Every article is indexed; searches set up each query once per segment. Free space, then run the indexer's merge --index {Path.GetFullPath(indexPath)}.");
        }

        run.ReportMerging(totalBytes);
        try
        {
            return (writer.Merge(maxSegments: 1).After, null);
        }
        catch (Exception e) when (IndexDiskFullException.IsDiskFull(e))
        {
            // Only the merge failed: rolling it back deletes its half-written files and keeps the index as committed.
            writer.RollbackAfterFailure();
            return (segments, "the disk filled up while merging. Every article is indexed; searches set up each query once per " +
                $"segment. Free space, then run the indexer's merge --index {Path.GetFullPath(indexPath)}.");
        }
    }

    private static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MiB");

    /// <summary>The most articles read to learn the compound words of a new index (about a year of a large newspaper).</summary>
    public const int CompoundLearningArticles = 50_000;

    /// <summary>Bytes on disk under <paramref name="path"/>.</summary>
    public static long FolderSize(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length)
            : File.Exists(path) ? new FileInfo(path).Length : 0;
}
