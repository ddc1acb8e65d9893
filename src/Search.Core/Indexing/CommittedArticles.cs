using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// The articles of the commit a writer opened on, as it found them: a writer compares an article's fingerprint with the
/// committed one to recognise it unchanged, and an import asks which ids a file contributed to remove those it no
/// longer holds.
/// </summary>
internal sealed class CommittedArticles(DirectoryReader reader) : IDisposable
{
    /// <summary>The number of live articles in the commit.</summary>
    public int Count => reader.NumDocs;

    /// <summary>The commit's data (analyzer version, file ledger, stream sequence).</summary>
    public IDictionary<string, string> CommitData => reader.IndexCommit.UserData;

    /// <summary>The fingerprint of the committed article with this id, or null when the commit has none.</summary>
    public byte[]? Fingerprint(string id)
    {
        var idTerm = new BytesRef(id);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var terms = segment.GetTerms(ArticleFields.Id)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(idTerm))
            {
                continue;
            }

            var doc = terms.Docs(segment.LiveDocs, null, DocsFlags.NONE).NextDoc();
            if (doc == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }

            var bytes = new BytesRef();
            segment.GetBinaryDocValues(ArticleFields.Fingerprint)?.Get(doc, bytes);
            return bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray();
        }

        return null;
    }

    /// <summary>The ids of the live articles that the commit holds from <paramref name="sourceFile"/>.</summary>
    public IReadOnlyList<string> IdsFrom(string sourceFile)
    {
        var searcher = new IndexSearcher(reader);
        var ids = new List<string>();
        var fields = new HashSet<string> { ArticleFields.Id };
        var top = searcher.Search(new TermQuery(new Term(ArticleFields.SourceFile, sourceFile)), Math.Max(1, reader.MaxDoc));
        foreach (var hit in top.ScoreDocs)
        {
            ids.Add(searcher.Doc(hit.Doc, fields).Get(ArticleFields.Id, CultureInfo.InvariantCulture));
        }

        return ids;
    }

    public void Dispose() => reader.Dispose();
}
