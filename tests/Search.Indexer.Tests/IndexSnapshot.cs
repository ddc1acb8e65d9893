using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Storage;

namespace Search.Indexer.Tests;

/// <summary>
/// What a reader sees in an index folder right now: whether there is a commit at all, and how many live documents
/// carry each id (read straight from Lucene, so a duplicated id would show up as a count above one), and their titles.
/// </summary>
public sealed class IndexSnapshot
{
    private static readonly HashSet<string> TitleOnly = [ArticleFields.Title];

    private IndexSnapshot(bool hasCommit, int liveDocs, IReadOnlyDictionary<string, int> liveDocsPerId, IReadOnlyDictionary<string, string?> titles)
    {
        HasCommit = hasCommit;
        LiveDocs = liveDocs;
        LiveDocsPerId = liveDocsPerId;
        Titles = titles;
    }

    /// <summary>A folder without a commit.</summary>
    public static IndexSnapshot Empty { get; } = new(false, 0, new Dictionary<string, int>(), new Dictionary<string, string?>());

    /// <summary>False while the folder holds no commit yet (an indexer was killed before its first commit).</summary>
    public bool HasCommit { get; }

    /// <summary>The reader's live document count (NumDocs).</summary>
    public int LiveDocs { get; }

    /// <summary>For every id with at least one live document: how many live documents have it.</summary>
    public IReadOnlyDictionary<string, int> LiveDocsPerId { get; }

    /// <summary>For every live id: the stored title (of its last live document).</summary>
    public IReadOnlyDictionary<string, string?> Titles { get; }

    public static IndexSnapshot Read(string indexPath)
    {
        // This reads the index through Lucene.Net alone; ArticleFields' constants do not load Search.Core.
        ArticleCodec.Register();
        using var directory = FSDirectory.Open(indexPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            return Empty;
        }

        using var reader = DirectoryReader.Open(directory);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var perId = new Dictionary<string, int>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, ArticleFields.Id);
        if (terms is not null)
        {
            var term = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (term.MoveNext())
            {
                // docFreq would count deleted (replaced) documents too; walking the postings with liveDocs does not.
                docs = term.Docs(liveDocs, docs, DocsFlags.NONE);
                // MultiFields' postings carry top-level doc ids, so the stored title can be read from the same reader.
                var id = term.Term.Utf8ToString();
                var live = 0;
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    live++;
                    titles[id] = reader.Document(doc, TitleOnly).Get(ArticleFields.Title, CultureInfo.InvariantCulture);
                }

                if (live > 0)
                {
                    perId[id] = live;
                }
            }
        }

        return new IndexSnapshot(true, reader.NumDocs, perId, titles);
    }
}
