using System.Diagnostics;
using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>The bookkeeping of one <see cref="CorpusImporter"/> run: what it read, skipped, deleted and left unchanged,
/// and its progress.</summary>
internal sealed class ImportRun(ImportOptions options, IProgress<ImportProgress>? progress)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly HashSet<string> _seenThisRun = new(StringComparer.Ordinal);
    private TimeSpan _lastCommit;
    private TimeSpan _lastProgress;
    private long _bytesDone;
    private int _articles;
    private int _taken;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public List<CorpusRecord> Skipped { get; } = [];

    public List<string> Repeated { get; } = [];

    public int Deleted { get; private set; }

    public int UnchangedFiles { get; private set; }

    public int UnchangedInFiles { get; private set; }

    /// <summary>Indexes one file; false when a strict run must stop.</summary>
    public bool ImportFile(InputFile file, LearningPass learning, ArticleIndexWriter writer, WriterPool pool, long totalBytes)
    {
        if (!options.Rebuild && writer.Ledger.IsUnchanged(file.Path, file.Size, file.LastWriteUtcTicks, out var recorded))
        {
            UnchangedFiles++;
            UnchangedInFiles += recorded;
            _articles += recorded;
            _bytesDone += file.Size;
            return true;
        }

        // Until the whole file is written, the ledger must not vouch for it: after a crash it is read again.
        writer.Ledger.Forget(file.Path);
        var idsInFile = new HashSet<string>(StringComparer.Ordinal);
        var hadProblems = false;
        IEnumerable<CorpusRecord> records = learning.TryTake(file, out var read) ? Release(read) : CorpusReader.Read(file);
        var bytesRead = read is null ? () => file.BytesRead : (Func<long>)(() => file.Size * _taken / read.Count);
        foreach (var record in records)
        {
            if (record.Article is null)
            {
                hadProblems = true;
                Skipped.Add(record);
                if (options.Strict)
                {
                    return false;
                }

                continue;
            }

            var id = record.Article.Id;
            if (!_seenThisRun.Add(id))
            {
                Repeated.Add($"{id} (again at {record.Location}; the last one wins)");
            }

            idsInFile.Add(id);
            pool.Post(record.Article, file.Path);
            _articles++;
            Report(_bytesDone + bytesRead(), totalBytes);
            if (!options.Strict && Clock.Elapsed - _lastCommit >= options.CommitInterval)
            {
                pool.Drain();
                writer.Commit();
                _lastCommit = Clock.Elapsed;
            }
        }

        // Articles the file held before and no longer holds (unless another file of this run has them now).
        foreach (var stale in writer.CommittedIdsFrom(file.Path).Where(id => !_seenThisRun.Contains(id)))
        {
            Deleted += writer.Delete(stale) ? 1 : 0;
        }

        // A file with problems is read (and reported) again next time, until it is fixed or removed.
        if (!hadProblems)
        {
            writer.Ledger.Record(file.Path, file.Size, file.LastWriteUtcTicks, idsInFile.Count);
        }

        _bytesDone += file.Size;
        return true;
    }

    // The records of a file the learning pass kept, each let go once taken, so memory frees up as the import goes on.
    private IEnumerable<CorpusRecord> Release(List<CorpusRecord> records)
    {
        for (_taken = 0; _taken < records.Count; _taken++)
        {
            var record = records[_taken];
            records[_taken] = null!;
            yield return record;
        }
    }

    public void PruneVanishedFiles(ArticleIndexWriter writer)
    {
        foreach (var path in writer.Ledger.Entries.Keys.Where(path => !File.Exists(path)).ToList())
        {
            foreach (var id in writer.CommittedIdsFrom(path).Where(id => !_seenThisRun.Contains(id)))
            {
                Deleted += writer.Delete(id) ? 1 : 0;
            }

            writer.Ledger.Forget(path);
        }
    }

    /// <summary>Tells that every article is written and the new index is being merged.</summary>
    public void ReportMerging(long totalBytes) => progress?.Report(new ImportProgress(_articles, totalBytes, totalBytes, Clock.Elapsed, Merging: true));

    private void Report(long bytesRead, long totalBytes)
    {
        if (progress is not null && Clock.Elapsed - _lastProgress >= ProgressInterval)
        {
            _lastProgress = Clock.Elapsed;
            progress.Report(new ImportProgress(_articles, bytesRead, totalBytes, Clock.Elapsed));
        }
    }
}
