using System.Diagnostics;
using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>Reads corpus files and folders into an index: the work behind the indexer CLI and the API's first start.</summary>
public static class CorpusImporter
{
    /// <summary>Indexes every article under <paramref name="paths"/> into <paramref name="indexPath"/> and commits once at the end.</summary>
    /// <param name="paths">Files or folders to read.</param>
    /// <param name="indexPath">The index folder; created when missing.</param>
    /// <param name="progress">Receives the number of articles read so far, every 1,000 articles.</param>
    public static ImportSummary Import(IReadOnlyCollection<string> paths, string indexPath, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var stopwatch = Stopwatch.StartNew();
        int added = 0, updated = 0, unchanged = 0;
        var skipped = new List<CorpusRecord>();
        var seenThisRun = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new List<string>();

        using var writer = ArticleIndexWriter.Open(indexPath);
        foreach (var record in CorpusReader.Read(paths))
        {
            if (record.Article is null)
            {
                skipped.Add(record);
                continue;
            }

            if (!seenThisRun.Add(record.Article.Id))
            {
                repeated.Add($"{record.Article.Id} (again at {record.Location}; the last one wins)");
            }

            switch (writer.Upsert(record.Article))
            {
                case UpsertOutcome.Added: added++; break;
                case UpsertOutcome.Updated: updated++; break;
                default: unchanged++; break;
            }

            var read = added + updated + unchanged;
            if (read % 1000 == 0)
            {
                progress?.Report(read);
            }
        }

        writer.Commit();
        var count = writer.Count;
        writer.Dispose();
        stopwatch.Stop();
        return new ImportSummary(added, updated, unchanged, skipped, repeated, count, stopwatch.Elapsed,
            FolderSize(indexPath), InputSize(paths));
    }

    /// <summary>Bytes on disk under <paramref name="path"/>.</summary>
    public static long FolderSize(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length)
            : File.Exists(path) ? new FileInfo(path).Length : 0;

    private static long InputSize(IEnumerable<string> paths) => paths.Sum(FolderSize);
}
