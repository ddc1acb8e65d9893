using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// The single writer of an index folder (Lucene's write lock keeps out a second one, e.g. the CLI while the
/// API writes). Upserts articles by id, recognises unchanged ones by a content fingerprint, and makes changes
/// visible and durable together with the <see cref="FileLedger"/> on <see cref="Commit"/>. A process killed
/// before a commit leaves the previous commit intact. <see cref="Upsert"/> may be called from several threads,
/// provided one id is only ever written from one thread.
/// </summary>
public sealed class ArticleIndexWriter : IDisposable
{
    /// <summary>The commit data key that records the analyzer version an index was built with
    /// (<see cref="IndexCommitData.AnalyzerKey"/>, named here too for the searcher that reads it).</summary>
    internal const string AnalyzerKey = IndexCommitData.AnalyzerKey;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly FileStream _processLock;
    // Fingerprints written in this session; an empty array marks an id deleted in this session.
    private readonly ConcurrentDictionary<string, byte[]> _writtenThisSession = new(StringComparer.Ordinal);
    private CommittedArticles? _committed;
    private bool _closed;

    private ArticleIndexWriter(FileStream processLock, LuceneDirectory directory, IndexWriter writer, CommittedArticles? committed, FileLedger ledger)
    {
        _processLock = processLock;
        _directory = directory;
        _writer = writer;
        _committed = committed;
        Ledger = ledger;
        StartedEmpty = committed is null || committed.Count == 0;
        StreamSequence = committed is null ? 0 : IndexCommitData.ReadStreamSequence(committed.CommitData);
    }

    /// <summary>
    /// In cluster mode, the last sequence of the stream applied to this index: read from the last commit, set by the
    /// node as it applies messages, and written in the same commit as the articles, so that a node killed at any point
    /// resumes from exactly what its index holds. 0 for an index that never applied the stream.
    /// </summary>
    public ulong StreamSequence { get; set; }

    /// <summary>The files the index was built from, as of the last commit, updated as files are indexed.</summary>
    public FileLedger Ledger { get; }

    /// <summary>True when the index had no articles when this writer opened it (a new index, or a rebuild).</summary>
    public bool StartedEmpty { get; }

    /// <summary>Whether the segments written from now on are packed into compound files, as Lucene does by default.</summary>
    internal bool UseCompoundFiles
    {
        get => _writer.Config.UseCompoundFile;
        set => _writer.Config.UseCompoundFile = value;
    }

    /// <summary>The number of articles in the index, including uncommitted changes.</summary>
    public int Count => _writer.NumDocs;

    /// <summary>Opens (or creates) the index in <paramref name="indexPath"/> for writing.</summary>
    /// <param name="indexPath">The index folder; created when missing.</param>
    /// <param name="rebuild">Start from an empty index; the old one stays readable until the first commit replaces it.</param>
    /// <param name="learnCompounds">Called when a new index is started (none yet, an empty one, or <paramref name="rebuild"/>)
    /// to learn the compound words to split from the corpus about to be indexed; the result is kept in the index folder
    /// (<see cref="CompoundSplitter.FileName"/>) and used for every later article. Null: an existing dictionary is kept,
    /// a new index splits nothing.</param>
    /// <exception cref="IndexUnavailableException">Another writer holds the index, or it was built by an incompatible analyzer.</exception>
    public static ArticleIndexWriter Open(string indexPath, bool rebuild = false, Func<CompoundSplitter>? learnCompounds = null)
    {
        var fullPath = Path.GetFullPath(indexPath);
        ArticleCodec.Register();
        System.IO.Directory.CreateDirectory(fullPath);
        var processLock = WriterLock.Acquire(fullPath);
        // Plain file reads rather than memory maps: merges stream through whole segments, and mapped pages would
        // count towards the indexer's resident memory.
        var directory = new NIOFSDirectory(fullPath);
        CommittedArticles? committed = null;
        try
        {
            CutShortFirstCommit.RemoveFrom(directory);
            if (!rebuild && DirectoryReader.IndexExists(directory))
            {
                committed = new CommittedArticles(DirectoryReader.Open(directory));
                var analyzer = IndexCommitData.ReadAnalyzerVersion(committed.CommitData);
                if (analyzer != ArticleFields.AnalyzerVersion && committed.Count > 0)
                {
                    throw new IndexUnavailableException(
                        $"The index at {fullPath} was built with analyzer '{analyzer ?? "unknown"}', but this indexer analyses text as " +
                        $"'{ArticleFields.AnalyzerVersion}'; articles from both would not match each other's queries. " +
                        "Rebuild it: run the indexer again over your corpus with --rebuild.");
                }
            }

            var compoundsFile = Path.Combine(fullPath, CompoundSplitter.FileName);
            CompoundSplitter compounds;
            if ((committed is null || committed.Count == 0) && learnCompounds is not null)
            {
                compounds = learnCompounds();
                compounds.Save(compoundsFile);
            }
            else
            {
                compounds = CompoundSplitter.Load(compoundsFile);
            }

            var config = new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer(compounds))
            {
                OpenMode = rebuild ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
                // A large buffer means fewer, bigger segments while bulk indexing a corpus.
                RAMBufferSizeMB = 256,
                Similarity = ArticleFields.Similarity,
                WriteLockTimeout = 0,
                Codec = new ArticleCodec(),
            };
            var writer = new IndexWriter(directory, config);
            var ledger = committed is null ? FileLedger.Empty() : FileLedger.FromCommitData(committed.CommitData);
            return new ArticleIndexWriter(processLock, directory, writer, committed, ledger);
        }
        catch (LockObtainFailedException e)
        {
            committed?.Dispose();
            directory.Dispose();
            processLock.Dispose();
            throw WriterLock.Locked(fullPath, e);
        }
        catch
        {
            committed?.Dispose();
            directory.Dispose();
            processLock.Dispose();
            throw;
        }
    }

    /// <summary>Adds the article, or replaces the one with the same id when its content differs.</summary>
    /// <param name="article">The article.</param>
    /// <param name="sourceFile">The absolute path it was read from, or null for articles that come from no file.</param>
    public UpsertOutcome Upsert(NewsArticle article, string? sourceFile = null) => Write(Prepare(article, sourceFile));

    /// <summary>
    /// The first half of <see cref="Upsert"/>, which may run on any thread: the article's fingerprint and, unless it
    /// equals the committed article, its document with the text fields analysed.
    /// </summary>
    internal PreparedArticle Prepare(NewsArticle article, string? sourceFile)
    {
        ArgumentNullException.ThrowIfNull(article);
        article = ComposedText.Of(article);
        var fingerprint = ArticleDocument.Fingerprint(article, sourceFile);
        var committed = CommittedFingerprint(article.Id);
        if (committed is { Length: > 0 } && committed.AsSpan().SequenceEqual(fingerprint))
        {
            return new PreparedArticle(article, sourceFile, fingerprint, committed, Document: null);
        }

        var document = ArticleDocument.ToDocument(article, fingerprint, sourceFile);
        foreach (var field in document.Fields.OfType<Field>().Where(field => field.IndexableFieldType is { IsIndexed: true, IsTokenized: true }))
        {
            field.SetTokenStream(RecordedTokens.Of(_writer.Analyzer, field.Name, field.GetStringValue(CultureInfo.InvariantCulture)));
        }

        return new PreparedArticle(article, sourceFile, fingerprint, committed, document);
    }

    /// <summary>The second half of <see cref="Upsert"/>: writes a prepared article unless it is unchanged. Articles with the
    /// same id must be written from one thread, in the order they came.</summary>
    internal UpsertOutcome Write(PreparedArticle prepared)
    {
        var (article, sourceFile, fingerprint, committed, document) = prepared;
        var previous = _writtenThisSession.TryGetValue(article.Id, out var written) ? written : committed;
        if (previous is { Length: > 0 } && previous.AsSpan().SequenceEqual(fingerprint))
        {
            return UpsertOutcome.Unchanged;
        }

        // Without a document, it equals the committed article but this session wrote the id differently since: back to it.
        _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), document ?? ArticleDocument.ToDocument(article, fingerprint, sourceFile));
        _writtenThisSession[article.Id] = fingerprint;
        return previous is { Length: > 0 } ? UpsertOutcome.Updated : UpsertOutcome.Added;
    }

    /// <summary>Deletes the article with this id; false when there was none.</summary>
    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var existed = _writtenThisSession.TryGetValue(id, out var written) ? written.Length > 0 : CommittedFingerprint(id) is not null;
        if (existed)
        {
            _writer.DeleteDocuments(new Term(ArticleFields.Id, id));
            _writtenThisSession[id] = [];
        }

        return existed;
    }

    /// <summary>The ids of the live articles that the last commit holds from <paramref name="sourceFile"/>.</summary>
    public IReadOnlyList<string> CommittedIdsFrom(string sourceFile) => _committed?.IdsFrom(sourceFile) ?? [];

    /// <summary>
    /// Merges the index into at most <paramref name="maxSegments"/> segments and commits. A search sets up each query
    /// per segment, so an index that has grown by many imports answers faster merged (searches of a large index still
    /// run in parallel parts, cut within a segment). Takes as long as rewriting the index, and up to its size again in
    /// free disk while it runs; searchers keep serving the old segments until they refresh.
    /// </summary>
    /// <returns>The segments before and after.</returns>
    public (int Before, int After) Merge(int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        Commit();
        var before = CommittedSegments();
        _writer.ForceMerge(maxSegments);
        Commit();
        return (before, CommittedSegments());
    }

    /// <summary>The number of segments of the last commit.</summary>
    public int CommittedSegments()
    {
        var segments = new SegmentInfos();
        segments.Read(_writer.Directory);
        return segments.Count;
    }

    /// <summary>Makes everything written so far durable and visible to new readers, with the file ledger.</summary>
    public void Commit()
    {
        _writer.SetCommitData(IndexCommitData.Of(Ledger, StreamSequence));
        _writer.Commit();
    }

    /// <summary>Discards everything since the last commit and closes the writer; the index stays exactly as it was.</summary>
    public void Rollback()
    {
        if (!_closed)
        {
            _closed = true;
            _writer.Rollback();
            _processLock.Dispose();
        }
    }

    /// <summary>
    /// Rolls back after a write failed (e.g. the disk is full), so the half-written files are deleted and the index stays
    /// as of its last commit. Never throws: the failure that led here is the one to report.
    /// </summary>
    public void RollbackAfterFailure()
    {
        try
        {
            Rollback();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Lucene may already have closed the writer after the failure (a "tragic" event); it rolled back then.
        }
        catch (MergePolicy.MergeException)
        {
            // A background merge failed too (the disk filled up under it) and Lucene rethrew that while the rollback
            // waited for the merges, before it finished. The merges have ended now, so a second rollback completes.
            try
            {
                _writer.Rollback();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or MergePolicy.MergeException)
            {
                // Nothing more to undo: the last commit is what the index holds.
            }
        }
        finally
        {
            _closed = true;
            _processLock.Dispose();
        }
    }

    public void Dispose()
    {
        _committed?.Dispose();
        _committed = null;
        if (!_closed)
        {
            _closed = true;
            _writer.Dispose();
        }

        _directory.Dispose();
        _processLock.Dispose();
    }

    private byte[]? CommittedFingerprint(string id) => _committed?.Fingerprint(id);
}
