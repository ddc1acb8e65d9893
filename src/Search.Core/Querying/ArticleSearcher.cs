using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Facets;
using Search.Core.Highlighting;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Querying;

/// <summary>
/// Answers searches and article look-ups on one index folder. Thread-safe: one instance serves every request,
/// each on a shared searcher snapshot; <see cref="Refresh"/> picks up what an indexer committed since.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    private static readonly Sort NewestFirst = new(new SortField(ArticleFields.DateSort, SortFieldType.INT64, reverse: true));

    private readonly LuceneDirectory _directory;
    private readonly SearcherManager _searchers;
    private readonly QueryFactory _queries;
    private readonly SnippetBuilder _snippets;

    private ArticleSearcher(LuceneDirectory directory, SearcherManager searchers, Analyzer analyzer)
    {
        _directory = directory;
        _searchers = searchers;
        _queries = new QueryFactory(analyzer);
        _snippets = new SnippetBuilder(analyzer);
    }

    /// <summary>Opens the index in <paramref name="indexPath"/> for searching.</summary>
    /// <exception cref="IndexUnavailableException">There is no index in that folder.</exception>
    public static ArticleSearcher Open(string indexPath)
    {
        var directory = FSDirectory.Open(indexPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            throw new IndexUnavailableException(
                $"No index at {Path.GetFullPath(indexPath)}. Run: dotnet run --project src/Search.Indexer -- seeds --index {indexPath}");
        }

        return new ArticleSearcher(directory, new SearcherManager(directory, new SearcherFactory()), new GermanNewsAnalyzer());
    }

    /// <summary>The number of articles in the current snapshot.</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Runs a search: one page of ranked hits with snippets, the total and the month facet.</summary>
    /// <exception cref="InvalidQueryException">The query text is not valid syntax.</exception>
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Size, SearchRequest.MaxSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Page * request.Size, SearchRequest.MaxWindow);

        var query = _queries.Create(request.Query);
        var wanted = request.Page * request.Size;
        var browsing = query is MatchAllDocsQuery;

        return WithSearcher(searcher =>
        {
            var (ranking, topDocs) = CreateRanking(browsing, wanted);
            var facets = new MonthFacetCollector(ranking, request.Months.ToHashSet(StringComparer.Ordinal));
            searcher.Search(query, facets);

            var top = topDocs();
            var hits = top.ScoreDocs
                .Skip((request.Page - 1) * request.Size)
                .Select(scoreDoc =>
                {
                    var article = ArticleDocument.FromDocument(searcher.Doc(scoreDoc.Doc));
                    var snippet = browsing ? SnippetBuilder.Lead(article.Body) : _snippets.Build(query, article.Body, searcher.IndexReader);
                    return new SearchHit(article, scoreDoc.Score, snippet);
                })
                .ToList();
            return new SearchResult(facets.TotalHits, hits, facets.Counts());
        });
    }

    private static (ICollector Collector, Func<TopDocs> TopDocs) CreateRanking(bool newestFirst, int count)
    {
        if (newestFirst)
        {
            var byDate = TopFieldCollector.Create(NewestFirst, count, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            return (byDate, () => byDate.GetTopDocs());
        }

        var byScore = TopScoreDocCollector.Create(count, docsScoredInOrder: false);
        return (byScore, () => byScore.GetTopDocs());
    }

    /// <summary>The article with this id, or null when there is none.</summary>
    public NewsArticle? GetArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WithSearcher(searcher =>
        {
            var top = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
            return top.TotalHits == 0 ? null : ArticleDocument.FromDocument(searcher.Doc(top.ScoreDocs[0].Doc));
        });
    }

    /// <summary>Switches to the latest committed state of the index, if it changed.</summary>
    public void Refresh() => _searchers.MaybeRefresh();

    public void Dispose()
    {
        _searchers.Dispose();
        _directory.Dispose();
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }
}
