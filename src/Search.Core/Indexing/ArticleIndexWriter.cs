using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// The single writer of an index folder. Upserts articles by id, recognises unchanged ones by a content
/// fingerprint, and makes them visible and durable on <see cref="Commit"/>.
/// </summary>
public sealed class ArticleIndexWriter : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, byte[]> _writtenThisSession = new(StringComparer.Ordinal);
    private DirectoryReader? _committed;

    private ArticleIndexWriter(LuceneDirectory directory, IndexWriter writer, DirectoryReader? committed)
    {
        _directory = directory;
        _writer = writer;
        _committed = committed;
    }

    /// <summary>Opens (or creates) the index in <paramref name="indexPath"/> for writing.</summary>
    /// <exception cref="IndexUnavailableException">Another process is writing to the same index.</exception>
    public static ArticleIndexWriter Open(string indexPath)
    {
        System.IO.Directory.CreateDirectory(indexPath);
        var directory = FSDirectory.Open(indexPath);
        var config = new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // A large buffer means fewer, bigger segments while bulk indexing a corpus.
            RAMBufferSizeMB = 256,
            WriteLockTimeout = 0,
        };

        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            throw new IndexUnavailableException(
                $"The index at {Path.GetFullPath(indexPath)} is locked by another writer. Wait for the other indexer to finish, then run again.", e);
        }

        var committed = DirectoryReader.IndexExists(directory) ? DirectoryReader.Open(directory) : null;
        return new ArticleIndexWriter(directory, writer, committed);
    }

    /// <summary>Adds the article, or replaces the one with the same id when its content differs.</summary>
    public UpsertOutcome Upsert(NewsArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var fingerprint = ArticleDocument.Fingerprint(article);
        var previous = _writtenThisSession.TryGetValue(article.Id, out var written) ? written : CommittedFingerprint(article.Id);
        if (previous is not null && previous.AsSpan().SequenceEqual(fingerprint))
        {
            return UpsertOutcome.Unchanged;
        }

        _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id), ArticleDocument.ToDocument(article, fingerprint));
        _writtenThisSession[article.Id] = fingerprint;
        return previous is null ? UpsertOutcome.Added : UpsertOutcome.Updated;
    }

    /// <summary>Makes everything written so far durable and visible to new readers.</summary>
    public void Commit()
    {
        _writer.SetCommitData(new Dictionary<string, string> { ["analyzer"] = ArticleFields.AnalyzerVersion });
        _writer.Commit();
    }

    /// <summary>The number of articles in the index, including uncommitted ones.</summary>
    public int Count => _writer.NumDocs;

    public void Dispose()
    {
        _committed?.Dispose();
        _committed = null;
        _writer.Dispose();
        _directory.Dispose();
    }

    private byte[]? CommittedFingerprint(string id)
    {
        if (_committed is null)
        {
            return null;
        }

        var idTerm = new BytesRef(id);
        foreach (var leaf in _committed.Leaves)
        {
            var reader = leaf.AtomicReader;
            var terms = reader.GetTerms(ArticleFields.Id)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(idTerm))
            {
                continue;
            }

            var doc = terms.Docs(reader.LiveDocs, null, DocsFlags.NONE).NextDoc();
            if (doc == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }

            var fingerprints = reader.GetBinaryDocValues(ArticleFields.Fingerprint);
            if (fingerprints is null)
            {
                return [];
            }

            var bytes = new BytesRef();
            fingerprints.Get(doc, bytes);
            return bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray();
        }

        return null;
    }
}
