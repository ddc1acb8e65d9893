using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Collecting;
using Search.Core.Completion;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Facets;
using Search.Core.Paging;
using Search.Core.Ranking;
using Search.Core.Searching;
using Search.Core.Snapshots;
using Search.Core.Spelling;

namespace Search.Core.Querying;

/// <summary>
/// Answers searches and article look-ups on one index folder. Thread-safe: one instance serves every request,
/// each on a shared searcher snapshot; <see cref="Refresh"/> picks up what a writer committed since.
/// </summary>
/// <remarks>A facade: the index's snapshots and what is built for each are <see cref="IndexSnapshots"/>'s, a search's
/// steps <see cref="SearchPipeline"/>'s, completions <see cref="Completer"/>'s.</remarks>
public sealed class ArticleSearcher : IDisposable
{
    private readonly IndexSnapshots _snapshots;
    private readonly Analyzer _analyzer;
    private readonly QueryFactory _queries;
    private readonly FilterCache _filters = new();
    private readonly HitCollection _collection = new();
    private readonly Completer _completer;
    private readonly WritingAnalyzer _writing;
    private readonly SearchPipeline _pipeline;

    /// <summary>How many of the index's words that start with the word being typed a search with
    /// <see cref="SearchRequest.PrefixLast"/> matches it with (those in the most articles), as Elasticsearch's
    /// match_bool_prefix expands the last word to its first 50.</summary>
    public const int PrefixCompletions = SearchPipeline.PrefixCompletions;

    /// <summary>A search that finds fewer articles than this is retried with typo tolerance and gets a did-you-mean.</summary>
    public const int FewHits = TypoRetry.FewHits;

    /// <summary>The fewest letters a query word needs to be matched with edits in the typo-tolerant retry.</summary>
    public const int FuzzyMinLetters = Suggestions.FuzzyMinLetters;

    private ArticleSearcher(string indexPath, IndexSnapshots snapshots, RankingWeights weights)
    {
        _snapshots = snapshots;
        _analyzer = new GermanNewsAnalyzer();
        _queries = new QueryFactory(_analyzer, weights);
        _completer = new Completer(_queries);
        _writing = new WritingAnalyzer(indexPath);
        _pipeline = new SearchPipeline(_queries, _filters, _collection, _writing);
    }

    /// <summary>How long one search may collect matches before it returns what it has, flagged partial.</summary>
    /// <value>The default is 2 seconds.</value>
    public TimeSpan TimeBudget
    {
        get => _collection.TimeBudget;
        set => _collection.TimeBudget = value;
    }

    /// <summary>The bounds every query is held to: clauses, prefix length, prefix and fuzzy expansions.</summary>
    /// <value>The default is <see cref="Querying.QueryLimits"/> with its own defaults.</value>
    public QueryLimits QueryLimits
    {
        get => _queries.Limits;
        set => _queries.Limits = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>An index of at least this many articles (deleted ones included) is searched in parallel parts, one per
    /// idle core, each a run of consecutive articles; a smaller one in a single pass, where splitting costs more than it
    /// saves. Results are the same either way.</summary>
    /// <value>The default is <see cref="DefaultParallelMinDocs"/>.</value>
    public int ParallelMinDocs
    {
        get => _collection.ParallelMinDocs;
        set => _collection.ParallelMinDocs = value;
    }

    /// <summary>The default of <see cref="ParallelMinDocs"/>.</summary>
    public const int DefaultParallelMinDocs = HitCollection.DefaultParallelMinDocs;

    /// <summary>How many parts a search of a large index (<see cref="ParallelMinDocs"/>) is split into when it runs
    /// alone; with other searches running it gets its share (one part when there are as many searches as parts).</summary>
    /// <value>The default is the number of processors.</value>
    public int Parallelism
    {
        get => _collection.Parallelism;
        set => _collection.Parallelism = value;
    }

    /// <summary>The index's snapshots: for tests, what is built per snapshot and when.</summary>
    internal IndexSnapshots Snapshots => _snapshots;

    /// <summary>The steps of a search: for tests, the switch that restricts a search to its filters up front.</summary>
    internal SearchPipeline Pipeline => _pipeline;

    /// <summary>The number of articles in the current snapshot.</summary>
    public int Count => _snapshots.Use(searcher => searcher.IndexReader.NumDocs);

    /// <summary>True when <paramref name="indexPath"/> holds a committed index.</summary>
    public static bool Exists(string indexPath)
    {
        using var directory = FSDirectory.Open(indexPath);
        return DirectoryReader.IndexExists(directory);
    }

    /// <summary>The default memory for the common words' score tables of a snapshot: 32 MiB (all 853 words of the real
    /// corpus that are in at least one article in 16; the 8 most common of a million generated articles).</summary>
    public const long DefaultCommonWordBudget = Scoring.CommonWords.DefaultBudget;

    /// <summary>The default memory for a snapshot's completion words (<see cref="Suggest"/>): 64 MiB, which holds every
    /// word of the real corpus (about 16 MiB) and of a million generated articles.</summary>
    public const long DefaultCompletionBudget = 64L << 20;

    /// <summary>Opens the index in <paramref name="indexPath"/> for searching.</summary>
    /// <param name="indexPath">The index folder.</param>
    /// <param name="verifyChecksums">Read every file of every segment once and check its checksum before serving,
    /// so a damaged index is refused instead of giving wrong results. Costs one read of the whole index.</param>
    /// <exception cref="IndexUnavailableException">There is no index in that folder, or it is damaged.</exception>
    /// <param name="commonWordBudget">The memory for the score tables of the index's most common words (8 bytes per
    /// article that has the word, at most 4 per article of the index), built before this returns and in the background
    /// for each later snapshot; they make searches with common words up to twice as fast, with the same results. Zero
    /// builds none.</param>
    /// <param name="completionBudget">The memory for each snapshot's completion words (<see cref="Suggest"/>), built with
    /// the score tables; the rarest words are left out when they would take more. Zero builds none.</param>
    public static ArticleSearcher Open(string indexPath, bool verifyChecksums = false, long commonWordBudget = DefaultCommonWordBudget, long completionBudget = DefaultCompletionBudget) =>
        Open(indexPath, RankingWeights.Default, verifyChecksums, commonWordBudget, completionBudget);

    /// <summary>As <see cref="Open(string, bool, long, long)"/>, ranking by <paramref name="weights"/> instead of the engine's
    /// own: for the relevance bench, which measures a change of weights before it is made.</summary>
    internal static ArticleSearcher Open(string indexPath, RankingWeights weights, bool verifyChecksums = false, long commonWordBudget = DefaultCommonWordBudget, long completionBudget = DefaultCompletionBudget) =>
        new(indexPath, IndexSnapshots.Open(indexPath, weights, verifyChecksums, commonWordBudget, completionBudget), weights);

    /// <summary>Runs a search: one page of hits with snippets, the total, the facets and a cursor for the next page.</summary>
    /// <exception cref="SearchInputException">The query text is not valid syntax or exceeds <see cref="QueryLimits"/>, or the cursor is not valid for this search.</exception>
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Size, SearchRequest.MaxSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Page * request.Size, SearchRequest.MaxWindow);
        // As the articles were indexed: "Geschäft" typed with a combining diaeresis finds "Geschäft".
        if (ComposedText.Of(request.Query) is var composed && !ReferenceEquals(composed, request.Query))
        {
            request = request with { Query = composed };
        }

        var page = new SearchPage(request);
        return _snapshots.Use(searcher => _pipeline.Search(searcher, request, page));
    }

    /// <summary>
    /// Runs searches made from the index itself (see <see cref="WarmUpSearches"/>) until <paramref name="budget"/> is
    /// spent or the JIT has settled, so the searches a service answers first run on optimised code (the JIT compiles
    /// a method fully only after it has been called a number of times, in the background) and find the index's hot
    /// parts in the OS file cache. Results are not cached, so later searches answer exactly as they would have.
    /// Does nothing on an empty index or budget.
    /// </summary>
    /// <param name="budget">The longest to keep searching; the search running when it ends is finished.</param>
    /// <param name="cancellationToken">Stops the warm-up after the search running (a service shutting down while it warms up).</param>
    /// <returns>How many searches ran, how long it took, and whether the JIT settled before the budget was spent.</returns>
    public WarmUpResult WarmUp(TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        return WarmUpRunner.Run(budget, () => _snapshots.Use(WarmUpSearches.From), Search, cancellationToken);
    }

    /// <summary>
    /// Completions of the last word of <paramref name="request"/>'s query (<see cref="Completer"/>): at most
    /// <see cref="SearchRequest.Size"/>, the words in the most articles first, written as the articles write them,
    /// with the words before it as typed. With month, year, source or date filters, only words that articles within
    /// them have, counted and ranked within them.
    /// </summary>
    /// <exception cref="SearchInputException">The query is longer than 100 characters or does not end in a word.</exception>
    public IReadOnlyList<Completion.Completion> Suggest(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Size);
        var text = ComposedText.Of(request.Query);
        return _snapshots.Use(searcher =>
        {
            Func<string, int>? within = null;
            if (FacetFilters.Restricts(request))
            {
                var filters = FacetFilters.Of(request);
                within = new ArticlesWithin(searcher.IndexReader, _filters.For(request), filters.FromKey, filters.ToKey).Count;
            }

            return _completer.Complete(searcher.IndexReader, searcher.Completions, text, request.Size, within);
        });
    }

    /// <summary>The current snapshot's completion words: how many, their memory, and the fewest articles a kept word is
    /// in (more than one when the budget left the rarest out); zero words while a new snapshot's are being built.</summary>
    public CompletionSummary Completions => _snapshots.Use(searcher =>
    {
        var words = searcher.Completions;
        return new CompletionSummary(words.Count, words.Bytes, words.MinArticles, words.BuildTime);
    });

    /// <summary>The score tables of the current snapshot's most common words: how many, their memory, their build time
    /// (none while a new snapshot's are still being built).</summary>
    public CommonWordSummary CommonWords => _snapshots.Use(searcher => searcher.CommonWords.Summary);

    /// <summary>How the index analyses <paramref name="text"/> in an article's body: each term with the text it came
    /// from, its position, and what made it (a word; a compound part, split with the dictionary the index learned from its
    /// corpus; two words the corpus also writes as one; another form of a word; a part of a dotted word). Stopwords make
    /// no term.</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _writing.Analyze(text);
    }

    /// <summary>The analyzer version the index was last committed with (<see cref="ArticleFields.AnalyzerVersion"/> when
    /// it was built by this engine); null when its commit does not say.</summary>
    public string? IndexAnalyzerVersion => _snapshots.Use(searcher =>
        searcher.IndexReader is DirectoryReader reader && reader.IndexCommit.UserData.TryGetValue(Indexing.ArticleIndexWriter.AnalyzerKey, out var version) ? version : null);

    /// <summary>Articles most like the one with this id (more-like-this over title and body); null for an unknown id.</summary>
    public IReadOnlyList<SearchHit>? Related(string id, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return _snapshots.Use(searcher => RelatedArticles.Find(searcher, _analyzer, id, count));
    }

    /// <summary>The article with this id, or null when there is none.</summary>
    public NewsArticle? GetArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _snapshots.Use(searcher =>
        {
            var top = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
            return top.TotalHits == 0 ? null : ArticleDocument.FromDocument(searcher.Doc(top.ScoreDocs[0].Doc));
        });
    }

    /// <summary>Switches to the latest committed state of the index, if it changed. Returns at once when another
    /// thread is refreshing (the periodic refresh); use <see cref="RefreshNow"/> to be sure a commit is visible.</summary>
    public void Refresh() => _snapshots.Refresh();

    /// <summary>Makes everything committed before this call visible to the searches that start after it: waits for a
    /// refresh in progress (which may have opened the index just before the commit), then refreshes again.</summary>
    public void RefreshNow() => _snapshots.RefreshNow();

    public void Dispose() => _snapshots.Dispose();
}
