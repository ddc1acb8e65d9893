using System.Diagnostics;
using System.Runtime;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Collecting;
using Search.Core.Completion;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Facets;
using Search.Core.Highlighting;
using Search.Core.Indexing;
using Search.Core.Paging;
using Search.Core.Ranking;
using Search.Core.Scoring;
using Search.Core.Snapshots;
using Search.Core.Spelling;
using Search.Core.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Querying;

/// <summary>
/// Answers searches and article look-ups on one index folder. Thread-safe: one instance serves every request,
/// each on a shared searcher snapshot; <see cref="Refresh"/> picks up what a writer committed since.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    // Every order ends with the id, so equal scores or dates are ordered the same way in every snapshot (cursor paging).
    // The same order as SortFieldType.STRING on the id, but an id is only read when a tie needs it (IdComparer).
    private static readonly SortField ById = new(ArticleFields.Id, IdComparerSource.Instance);
    private static readonly Sort BestFirst = new(SortField.FIELD_SCORE, ById);
    private static readonly Sort NewestFirst = new(new SortField(ArticleFields.DateSort, SortFieldType.INT64, reverse: true), ById);
    private static readonly Sort OldestFirst = new(new SortField(ArticleFields.DateSort, SortFieldType.INT64), ById);

    private readonly string _indexPath;
    private readonly LuceneDirectory _directory;
    private readonly SearcherManager _searchers;
    private readonly SnapshotSearcherFactory _factory;
    private readonly Analyzer _analyzer;
    private readonly QueryFactory _queries;
    private readonly FilterCache _filters = new();
    private readonly Completer _completer;
    private int _running;
    private DictionaryAnalyzer? _writingAnalyzer;

    /// <summary>How many of the index's words that start with the word being typed a search with
    /// <see cref="SearchRequest.PrefixLast"/> matches it with (those in the most articles), as Elasticsearch's
    /// match_bool_prefix expands the last word to its first 50.</summary>
    public const int PrefixCompletions = 30;

    /// <summary>A search that finds fewer articles than this is retried with typo tolerance and gets a did-you-mean.</summary>
    public const int FewHits = 3;

    /// <summary>The fewest letters a query word needs to be matched with edits in the typo-tolerant retry.</summary>
    public const int FuzzyMinLetters = 5;

    // The warm-up stops early once fewer than this many methods were compiled in a window: while the JIT still tiers
    // up (thousands of methods, in bursts of hundreds a second) it compiles far more.
    private const int SettledMethodsPerWindow = 20;
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(1);

    private ArticleSearcher(string indexPath, LuceneDirectory directory, SearcherManager searchers, SnapshotSearcherFactory factory, RankingWeights weights)
    {
        _indexPath = indexPath;
        _directory = directory;
        _searchers = searchers;
        _factory = factory;
        _analyzer = new GermanNewsAnalyzer();
        _queries = new QueryFactory(_analyzer, weights);
        _completer = new Completer(_queries);
    }

    /// <summary>How long one search may collect matches before it returns what it has, flagged partial.</summary>
    /// <value>The default is 2 seconds.</value>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);

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
    public int ParallelMinDocs { get; set; } = DefaultParallelMinDocs;

    /// <summary>The default of <see cref="ParallelMinDocs"/>.</summary>
    public const int DefaultParallelMinDocs = 100_000;

    /// <summary>How many parts a search of a large index (<see cref="ParallelMinDocs"/>) is split into when it runs
    /// alone; with other searches running it gets its share (one part when there are as many searches as parts).</summary>
    /// <value>The default is the number of processors.</value>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Restrict a search without facet counts to its month, year and source filters up front (see
    /// <see cref="Run"/>); off only to compare against in tests.</summary>
    internal bool PreFilter { get; set; } = true;

    /// <summary>The number of articles in the current snapshot.</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

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
    internal static ArticleSearcher Open(string indexPath, RankingWeights weights, bool verifyChecksums = false, long commonWordBudget = DefaultCommonWordBudget, long completionBudget = DefaultCompletionBudget)
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
            WaitForCommonWords(searchers);
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

        return new ArticleSearcher(indexPath, directory, searchers, factory, weights);
    }

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

        var sort = SortFor(request.Sort is SearchSort.Relevance or SearchSort.Fresh && QueryFactory.Browses(request.Query) ? SearchSort.Newest : request.Sort);
        // The cursor's key is hashed only when a cursor is read or written, and then once.
        string? queryKey = null;
        var after = request.Cursor is null ? null : SearchCursor.Decode(request.Cursor, queryKey = QueryKey(request), byScore: sort == BestFirst);
        var skip = after is null ? (request.Page - 1) * request.Size : 0;
        var wanted = skip + request.Size;

        return WithSearcher(searcher =>
        {
            using var lookups = new TermLookups(searcher.TopReaderContext, ((SnapshotSearcher)searcher).CommonWords);
            // While the reader types, the last word also matches the index's words that start with it; spelling is
            // then about the words before it only.
            var typing = request.PrefixLast ? Completer.Typing(request.Query, _queries.Limits.MinPrefixLength) : null;
            var completions = typing is { } word ? Completer.Expansions(((SnapshotSearcher)searcher).Completions, word.Last, PrefixCompletions) : null;
            var spelt = typing?.Head ?? request.Query;
            // Made with the index at hand, which knows the words two query words make together (QueryFactory.Joined).
            var query = _queries.Create(request.Query, fuzzyTerms: null, lookups.DocFreq, searcher.IndexReader.NumDocs, completions);
            var run = Run(searcher, lookups, query, request, sort, after, wanted);
            string? didYouMean = null;
            var fuzzy = false;
            if (request.Typos && !query.Browsing && run.WithEveryWord < FewHits)
            {
                // Typos and unusual inflections: the index's vocabulary suggests a better spelling for words it hardly
                // knows. When nothing was found, the query is retried with every word of five letters or more also
                // matching words one or two edits away ("Rundfunkbeitrages" finds "Rundfunkbeitrags"), unless filters
                // narrowed the search: then only the words the index hardly knows, since well-known words found nothing
                // because of the filters, not because of their spelling. When little was found and there is a
                // suggestion, the suggestion is searched with the same tolerance for the words the index still hardly
                // knows. The rule depends only on the query, its filters and the index, so every page agrees.
                var corrected = Suggestions.DidYouMean(spelt, searcher.IndexReader, lookups.DocFreq, _queries);
                didYouMean = corrected is null ? null : corrected + typing?.Last;
                var retryText = didYouMean ?? request.Query;
                var spellingText = corrected ?? spelt;
                var fuzzyTerms = run.WithEveryWord == 0 && !Filtered(request)
                    ? Suggestions.LongTerms(spellingText, lookups.DocFreq, _queries, int.MaxValue)
                    : Suggestions.RareTerms(spellingText, lookups.DocFreq, _queries);
                var tolerant = didYouMean is not null || (run.WithEveryWord == 0 && fuzzyTerms.Count > 0) ? TypoTolerant(retryText, fuzzyTerms, lookups.DocFreq, searcher.IndexReader.NumDocs, completions) : null;
                if (tolerant is not null && !tolerant.Equals(query))
                {
                    var retry = Run(searcher, lookups, tolerant, request, sort, after, wanted);
                    if (retry.WithEveryWord > run.WithEveryWord)
                    {
                        (run, query, fuzzy) = (retry, tolerant, true);
                    }
                }
            }

            var page = run.Rescorer is { } rescorer
                ? rescorer.Page(searcher, lookups, run.Rankings, after, skip, request.Size)
                : run.Rankings[0].ScoreDocs.Skip(skip).Cast<FieldDoc>().ToList();
            var highlight = request.Snippets && !query.Browsing && page.Count > 0 ? SnippetBuilder.Prepare(query.Matching, searcher.IndexReader, lookups.DocFreq) : null;
            var marking = highlight is null ? null : WritingAnalyzer();
            var hits = page
                .Select(scoreDoc =>
                {
                    var article = request.Snippets
                        ? ArticleDocument.FromDocument(searcher.Doc(scoreDoc.Doc))
                        : ArticleDocument.Summary(searcher.IndexReader, scoreDoc.Doc);
                    var snippet = !request.Snippets ? string.Empty
                        : query.Browsing ? SnippetBuilder.Lead(article.Body)
                        : SnippetBuilder.Build(highlight!, article.Body, searcher.IndexReader, scoreDoc.Doc);
                    return new SearchHit(article, float.IsNaN(scoreDoc.Score) ? 0 : AllWordsFirstQuery.Shown(scoreDoc.Score), snippet)
                    {
                        TitleHtml = !request.Snippets ? null : Marked(article.Title, ArticleFields.Title),
                        CaptionHtml = !request.Snippets || article.Caption is null ? null : Marked(article.Caption, ArticleFields.Caption),
                    };

                    // A hit that matched only in its title or caption shows the words there (the snippet is the body's).
                    string Marked(string text, string field) =>
                        highlight is null ? HtmlTextEncoder.Encode(text) : SnippetBuilder.Mark(highlight, text, marking!, field);
                })
                .ToList();
            var more = page.Count == request.Size && (after is not null || wanted < run.Facets.TotalHits);
            var next = more ? SearchCursor.Encode(searcher.IndexReader, page[^1], queryKey ?? QueryKey(request)) : null;
            return new SearchResult(run.Facets.TotalHits, hits, run.Facets.Counts(), next, run.Partial)
            {
                DidYouMean = didYouMean,
                Fuzzy = fuzzy,
            };
        });
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
        var start = Stopwatch.GetTimestamp();
        if (budget == TimeSpan.Zero)
        {
            return new WarmUpResult(0, TimeSpan.Zero);
        }

        var searches = WarmUpRequests();
        var count = 0;
        var (windowStart, compiledBefore) = (start, JitInfo.GetCompiledMethodCount());
        while (searches.Count > 0 && Stopwatch.GetElapsedTime(start) < budget && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                Search(searches[count % searches.Count]);
            }
            catch (SearchInputException)
            {
                // A title word that is query syntax or exceeds the limits: the next search.
            }

            count++;
            if (Stopwatch.GetElapsedTime(windowStart) >= WarmUpWindow)
            {
                // Settled: the searches hardly need newly compiled code any more (tier 0 nor optimised tier 1).
                var compiled = JitInfo.GetCompiledMethodCount();
                if (compiled - compiledBefore < SettledMethodsPerWindow)
                {
                    return new WarmUpResult(count, Stopwatch.GetElapsedTime(start)) { Settled = true };
                }

                (windowStart, compiledBefore) = (Stopwatch.GetTimestamp(), compiled);
            }
        }

        return new WarmUpResult(count, Stopwatch.GetElapsedTime(start));
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
        return WithSearcher(searcher =>
        {
            Func<string, int>? within = null;
            if (Filtered(request))
            {
                var filters = Filters(request);
                within = new ArticlesWithin(searcher.IndexReader, _filters.For(request), filters.FromKey, filters.ToKey).Count;
            }

            return _completer.Complete(searcher.IndexReader, ((SnapshotSearcher)searcher).Completions, text, request.Size, within);
        });
    }

    /// <summary>The current snapshot's completion words: how many, their memory, and the fewest articles a kept word is
    /// in (more than one when the budget left the rarest out); zero words while a new snapshot's are being built.</summary>
    public CompletionSummary Completions => WithSearcher(searcher =>
    {
        var words = ((SnapshotSearcher)searcher).Completions;
        return new CompletionSummary(words.Count, words.Bytes, words.MinArticles, words.BuildTime);
    });

    /// <summary>The score tables of the current snapshot's most common words: how many, their memory, their build time
    /// (none while a new snapshot's are still being built).</summary>
    public CommonWordSummary CommonWords => WithSearcher(searcher => ((SnapshotSearcher)searcher).CommonWords.Summary);

    /// <summary>How the index analyses <paramref name="text"/> in an article's body: each term with the text it came
    /// from, its position, and what made it (a word; a compound part, split with the dictionary the index learned from its
    /// corpus; two words the corpus also writes as one; another form of a word; a part of a dotted word). Stopwords make
    /// no term.</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TokenReader.Read(WritingAnalyzer(), ArticleFields.Body, text);
        return [.. tokens.Select((token, i) => new AnalyzedToken(token.Term, text[token.Start..token.End], token.Start, token.End, token.Position, token.Type switch
        {
            CompoundSplitFilter.PartType => AnalyzedTokenKind.CompoundPart,
            CompoundJoinFilter.JoinedType => AnalyzedTokenKind.Joined,
            GermanNewsAnalyzer.OtherFormType => AnalyzedTokenKind.OtherForm,
            DottedWordFilter.PartType => AnalyzedTokenKind.DottedPart,
            // The capitalisation mark (CompoundSplitFilter.CapitalizedType) replaces the type of a dotted word's
            // capitalised parts ("St.Wendel": St, Wendel); no other filter stacks a plain word on another.
            _ when token.Increment == 0 && i > 0 => AnalyzedTokenKind.DottedPart,
            _ => AnalyzedTokenKind.Word,
        }))];
    }

    // The analyzer the index writes with: with the compound dictionary in the index folder, read again when it changes
    // (a rebuilt index learns a new one).
    private Analyzer WritingAnalyzer()
    {
        var file = new FileInfo(Path.Combine(_indexPath, CompoundSplitter.FileName));
        var written = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        if (Volatile.Read(ref _writingAnalyzer) is { } known && known.Written == written)
        {
            return known.Analyzer;
        }

        var loaded = new DictionaryAnalyzer(written, new GermanNewsAnalyzer(CompoundSplitter.Load(file.FullName)));
        Volatile.Write(ref _writingAnalyzer, loaded);
        return loaded.Analyzer;
    }

    private sealed record DictionaryAnalyzer(DateTime Written, Analyzer Analyzer);

    /// <summary>The analyzer version the index was last committed with (<see cref="ArticleFields.AnalyzerVersion"/> when
    /// it was built by this engine); null when its commit does not say.</summary>
    public string? IndexAnalyzerVersion => WithSearcher(searcher =>
        searcher.IndexReader is DirectoryReader reader && reader.IndexCommit.UserData.TryGetValue(Indexing.ArticleIndexWriter.AnalyzerKey, out var version) ? version : null);

    /// <summary>How many snapshots' common-word tables are still being built.</summary>
    internal int TableBuildsRunning => _factory.Running;

    /// <summary>Waits until the current snapshot's common-word tables are built (they are built in the background once
    /// a refresh has opened it).</summary>
    internal void WaitForCommonWords() => WaitForCommonWords(_searchers);

    private static void WaitForCommonWords(SearcherManager searchers)
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

    /// <summary>The words of the current snapshot that have a score table (<see cref="CommonWords"/>), most common first.</summary>
    internal IReadOnlyList<string> CommonWordTables => WithSearcher(searcher => (IReadOnlyList<string>)[.. ((SnapshotSearcher)searcher).CommonWords.Words]);

    /// <summary>The searches <see cref="WarmUp"/> runs, made from the current snapshot.</summary>
    internal IReadOnlyList<SearchRequest> WarmUpRequests() => WithSearcher(WarmUpSearches.From);

    // The typo-tolerant form of the query; null when it would exceed the query limits (many long words).
    private SearchQuery? TypoTolerant(string text, IReadOnlySet<string> fuzzyTerms, Func<Term, int> docFreq, int articles, IReadOnlyList<string>? completions)
    {
        try
        {
            return _queries.Create(text, fuzzyTerms, docFreq, articles, completions);
        }
        catch (SearchInputException)
        {
            return null;
        }
    }

    /// <param name="Rankings">The hits of each ranking asked for, best first.</param>
    /// <param name="Rescorer">Reorders the first hits by the proximity of the query words, or null when the rankings are final.</param>
    /// <param name="Facets">The total and the facet counts.</param>
    /// <param name="Partial">True when the time budget ran out before every match was collected.</param>
    private readonly record struct Collected(TopDocs[] Rankings, ProximityRescorer? Rescorer, FacetCollector Facets, bool Partial)
    {
        /// <summary>How many articles have every word: the total, unless the query let an article miss one; then
        /// counted up to what the ranking needed to know (RankingWeights.MissingWordsBelow).</summary>
        public int WithEveryWord { get; init; }
    }

    private Collected Run(IndexSearcher searcher, TermLookups lookups, SearchQuery query, SearchRequest request, Sort sort, FieldDoc? after, int wanted)
    {
        var filters = Filters(request);
        int[]? first = null;
        int? withEveryWord = null;
        if (query.AllWords is not null)
        {
            var weights = _queries.Weights;
            var (docs, count) = WithAllWords(searcher, lookups.Resolve(query.AllWords), request, filters, Math.Max(weights.MissingWordsBelow, weights.AllWordsFirstBelow), weights.AllWordsFirstBelow);
            if (weights.MissingWordsBelow > 0 && count >= weights.MissingWordsBelow)
            {
                query = query with { Matching = query.AllWords, AllWords = null };
            }
            else
            {
                withEveryWord = count;
                if (count > 0 && count < weights.AllWordsFirstBelow && request.Sort == SearchSort.Relevance)
                {
                    first = docs;
                }
            }
        }

        // Ranked by relevance, the proximity reward goes to the first hits only (ProximityRescorer); ordered by date or
        // blended with it, every match is scored in full, as the order or the blend depends on it.
        var rescorer = query.Proximity is not null && sort == BestFirst && request.Sort != SearchSort.Fresh ? new ProximityRescorer(query.Proximity) : null;
        var rankings = rescorer is null ? [(wanted, after)] : ProximityRescorer.Rankings(wanted, request.Size, after);
        var scored = rescorer is not null ? query.Matching
            : request.Sort == SearchSort.Fresh && !query.Browsing ? new RecencyBlendQuery(query.Full, RecencyBlendQuery.NewestDay(searcher.IndexReader))
            : query.Full;

        // Each term looked up once per search, through one enumerator per segment and field (TermLookups).
        scored = lookups.Resolve(scored);
        if (first is not null)
        {
            scored = new AllWordsFirstQuery(scored, first);
        }
        if (!request.Facets && PreFilter)
        {
            // Without facets, nothing needs the matches outside the month, year and source filters: the query skips
            // them (cached per segment) instead of the collector scoring and dropping each. The collector still checks
            // every filter (and alone the date range). Facets count each facet without its own filter, so they need
            // every match and are not restricted.
            scored = _filters.Restrict(scored, request);
        }

        var running = Interlocked.Increment(ref _running);
        try
        {
            // A large index is searched in parts at once while cores are idle: a single search of a million articles
            // takes milliseconds of scoring, which the parts share. Under load every core already has a search of its
            // own, and the parts would only add their set-up.
            var parts = searcher.IndexReader.MaxDoc >= ParallelMinDocs ? Math.Max(1, Parallelism / running) : 1;
            var weight = searcher.CreateNormalizedWeight(scored);
            var runs = DocRange.Split(searcher.IndexReader.Leaves, parts);
            if (runs.Count == 1)
            {
                var collected = Collect(weight, runs[0], sort, rankings, filters, request.Facets);
                return collected with { Rescorer = rescorer, WithEveryWord = withEveryWord ?? collected.Facets.TotalHits };
            }

            var results = new Collected[runs.Count];
            try
            {
                Parallel.For(0, runs.Count, part => results[part] = Collect(weight, runs[part], sort, rankings, filters, request.Facets));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // What a part threw, as one pass would have thrown it (callers handle SearchInputException and the like).
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            var all = results[0].Facets;
            foreach (var result in results.Skip(1))
            {
                all.Add(result.Facets);
            }

            // Lucene's merge compares the ids of the parts' hits, so those still pending are looked up first.
            foreach (var ranking in results.SelectMany(result => result.Rankings))
            {
                HitIds.Resolve(searcher.IndexReader, ranking.ScoreDocs);
            }

            var merged = rankings.Select((ranking, index) => TopDocs.Merge(sort, ranking.Size, [.. results.Select(result => result.Rankings[index])]));
            return new Collected([.. merged], rescorer, all, results.Any(result => result.Partial)) { WithEveryWord = withEveryWord ?? all.TotalHits };
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    // How many articles have every word of a query that lets an article miss one, under the request's filters, counted
    // up to countUpTo, and the first keepUpTo of them (top-level document numbers, in order). Reads the words'
    // conjunction only that far, so it costs little whether the words are rare or common.
    private (int[] Docs, int Count) WithAllWords(IndexSearcher searcher, Query allWords, SearchRequest request, FacetFilters filters, int countUpTo, int keepUpTo)
    {
        if (countUpTo <= 1)
        {
            return ([], 0);
        }

        var weight = searcher.CreateNormalizedWeight(_filters.Restrict(allWords, request));
        var first = new List<int>(keepUpTo);
        var count = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            var dates = filters.FromKey != long.MinValue || filters.ToKey != long.MaxValue ? leaf.AtomicReader.GetNumericDocValues(ArticleFields.DateSort) : null;
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                if (dates is not null && dates.Get(doc) is var date && (date < filters.FromKey || date > filters.ToKey))
                {
                    continue;
                }

                if (count++ < keepUpTo)
                {
                    first.Add(leaf.DocBase + doc);
                }

                if (count >= countUpTo)
                {
                    return ([.. first], count);
                }
            }
        }

        return ([.. first], count);
    }

    // The matches within the ranges (all of the index, or one part of a parallel search), collected and ranked.
    private Collected Collect(Weight weight, IReadOnlyList<DocRange> ranges, Sort sort, IReadOnlyList<(int Size, FieldDoc? After)> rankings, FacetFilters filters, bool countFacets)
    {
        var (tops, facets, collector) = Collectors(sort, rankings, filters, countFacets);
        var partial = false;

        // In document order when the weight scores that way anyway (as Lucene's IndexSearcher asks it): asked for its
        // out-of-order scorer, a query with a required clause first builds the window scorer of that clause (2,048
        // buckets, the term lookups and postings of each field of the word) only to drop it; a quarter of what a
        // search allocated.
        var inOrder = !collector.AcceptsDocsOutOfOrder || !weight.ScoresDocsOutOfOrder;
        try
        {
            foreach (var range in ranges)
            {
                // Scored in bulk up to the range's end: a query of one common word, a disjunction over the fields, is
                // scored window by window, a third faster than document by document ("Corona" at 1M: 35 ms, not 52).
                collector.SetNextReader(range.Leaf);
                weight.GetBulkScorer(range.Leaf, inOrder, range.AcceptDocs)?.Score(collector, range.To);
            }
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            partial = true;
        }

        return new Collected([.. tops.Select(top => top.Hits())], null, facets, partial);
    }

    // The rankings, the facet counting in front of them, and the time limit in front of both. A first page by relevance
    // is ranked by BestFirstCollector, every other order and a page after a cursor by Lucene's TopFieldCollector.
    private (Ranking[] Rankings, FacetCollector Facets, ICollector Collector) Collectors(Sort sort, IReadOnlyList<(int Size, FieldDoc? After)> rankings,
        FacetFilters filters, bool countFacets)
    {
        var tops = rankings
            .Select(ranking => sort == BestFirst && ranking.After is null
                ? Ranking.Of(new BestFirstCollector(sort, ranking.Size))
                : Ranking.Of(TopFieldCollector.Create(sort, ranking.Size, ranking.After, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)))
            .ToArray();
        var facets = new FacetCollector(tops.Length == 1 ? tops[0].Collector : new ScoreOnce(MultiCollector.Wrap([.. tops.Select(top => top.Collector)])), filters, countFacets);
        return (tops, facets, new TimeLimitingCollector(facets, TimeLimitingCollector.GlobalCounter, (long)TimeBudget.TotalMilliseconds));
    }

    // A collector of ranked hits and how to get them once collected.
    private readonly record struct Ranking(ICollector Collector, Func<TopDocs> Hits)
    {
        public static Ranking Of(BestFirstCollector collector) => new(collector, collector.TopDocs);

        public static Ranking Of(TopFieldCollector collector) => new(collector, collector.GetTopDocs);
    }

    // Several rankings of the same matches: each match is scored once, not once per ranking.
    private sealed class ScoreOnce(ICollector rankings) : ICollector
    {
        public bool AcceptsDocsOutOfOrder => rankings.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => rankings.SetScorer(new ScoreCachingWrappingScorer(scorer));

        public void Collect(int doc) => rankings.Collect(doc);

        public void SetNextReader(AtomicReaderContext context) => rankings.SetNextReader(context);
    }

    /// <summary>Articles most like the one with this id (more-like-this over title and body); null for an unknown id.</summary>
    public IReadOnlyList<SearchHit>? Related(string id, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return WithSearcher(searcher =>
        {
            var idTerm = new Term(ArticleFields.Id, id);
            var own = searcher.Search(new TermQuery(idTerm), 1);
            if (own.TotalHits == 0)
            {
                return null;
            }

            var likeThis = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _analyzer,
                FieldNames = [ArticleFields.Title, ArticleFields.Body],
                MinTermFreq = 2,
                MinDocFreq = 2,
                MaxQueryTerms = 30,
            };
            var query = new BooleanQuery
            {
                { likeThis.Like(own.ScoreDocs[0].Doc), Occur.MUST },
                { new TermQuery(idTerm), Occur.MUST_NOT },
            };
            return (IReadOnlyList<SearchHit>)[.. searcher.Search(query, count).ScoreDocs.Select(scoreDoc =>
            {
                var article = ArticleDocument.FromDocument(searcher.Doc(scoreDoc.Doc));
                return new SearchHit(article, scoreDoc.Score, SnippetBuilder.Lead(article.Body));
            })];
        });
    }

    // Each snapshot's searcher: BM25 as ArticleFields.Similarity scores it, and the snapshot's common-word tables, built
    // in the background: a refresh, and so every write through the API (which refreshes before it answers), would
    // otherwise wait for them (half a second for the real corpus). Searches use the tables once they are there; the
    // results are the same either way.
    private sealed class SnapshotSearcherFactory(long commonWordBudget, long completionBudget, RankingWeights weights) : SearcherFactory
    {
        private readonly ArticleSimilarity _similarity = weights == RankingWeights.Default ? (ArticleSimilarity)ArticleFields.Similarity : new ArticleSimilarity(weights);

        private readonly List<Task> _builds = [];
        private CancellationTokenSource? _building;
        private CompletionWords _completions = CompletionWords.None;

        /// <summary>How many builds have not finished.</summary>
        public int Running
        {
            get
            {
                lock (_builds)
                {
                    return _builds.Count(build => !build.IsCompleted);
                }
            }
        }

        /// <summary>Cancels the builds still running and waits for them to let go of their snapshots.</summary>
        public void Stop()
        {
            Task[] running;
            lock (_builds)
            {
                running = [.. _builds];
            }

            _building?.Cancel();
            Task.WaitAll(running);
        }

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Until its own are built, a snapshot completes with the words of the one before: after a write, the words
            // of the articles it added come a moment later, but the others stay.
            var searcher = new SnapshotSearcher(reader) { Similarity = _similarity, Completions = Volatile.Read(ref _completions) };
            if ((commonWordBudget <= 0 && completionBudget <= 0) || !reader.TryIncRef())
            {
                return searcher;
            }

            // A newer snapshot makes the tables of the one before it not worth finishing.
            var cancel = new CancellationTokenSource();
            Interlocked.Exchange(ref _building, cancel)?.Cancel();
            searcher.TablesBuilt = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        // The completion words first: a pass over the term dictionaries, a fraction of the tables' time.
                        if (completionBudget > 0)
                        {
                            searcher.Completions = CompletionWords.Build(reader, completionBudget, cancel.Token);
                            Volatile.Write(ref _completions, searcher.Completions);
                        }

                        if (commonWordBudget > 0)
                        {
                            searcher.CommonWords = Scoring.CommonWords.Build(searcher, commonWordBudget, weights, cancel.Token);
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException)
                    {
                        // Cancelled, or the index went away or is damaged: searches read the postings, and report the damage.
                    }
                    finally
                    {
                        reader.DecRef();
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            lock (_builds)
            {
                _builds.RemoveAll(build => build.IsCompleted);
                _builds.Add(searcher.TablesBuilt);
            }

            return searcher;
        }
    }

    private sealed class SnapshotSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        private CommonWords _commonWords = Scoring.CommonWords.None;
        private CompletionWords _completions = CompletionWords.None;

        /// <summary>The snapshot's common-word tables; none until they are built.</summary>
        public CommonWords CommonWords
        {
            get => Volatile.Read(ref _commonWords);
            set => Volatile.Write(ref _commonWords, value);
        }

        /// <summary>The snapshot's completion words; none until they are built.</summary>
        public CompletionWords Completions
        {
            get => Volatile.Read(ref _completions);
            set => Volatile.Write(ref _completions, value);
        }

        /// <summary>Done when the tables are built (or will not be).</summary>
        public Task TablesBuilt { get; set; } = Task.CompletedTask;
    }

    private static Sort SortFor(SearchSort order) => order switch
    {
        SearchSort.Newest => NewestFirst,
        SearchSort.Oldest => OldestFirst,
        _ => BestFirst,
    };

    private static bool Filtered(SearchRequest request) =>
        request.Months.Count > 0 || request.Years.Count > 0 || request.Sources.Count > 0 || request.From is not null || request.To is not null;

    private static FacetFilters Filters(SearchRequest request) => new(
        request.Months.ToHashSet(StringComparer.Ordinal),
        request.Years.ToHashSet(StringComparer.Ordinal),
        request.Sources.ToHashSet(StringComparer.Ordinal),
        request.From is null ? long.MinValue : ArticleDate.ToSortKey(request.From),
        request.To is null ? long.MaxValue : ArticleDate.ToSortKey(request.To) + (request.To.Length == 7 ? 99 : 0));

    // A cursor is only valid for the same words, filters and order.
    private static string QueryKey(SearchRequest request)
    {
        var text = string.Join('\u001f', request.Query, request.Sort, request.Typos, request.PrefixLast, request.From, request.To,
            string.Join(',', request.Months.Order(StringComparer.Ordinal)),
            string.Join(',', request.Years.Order(StringComparer.Ordinal)),
            string.Join(',', request.Sources.Order(StringComparer.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
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

    /// <summary>Switches to the latest committed state of the index, if it changed. Returns at once when another
    /// thread is refreshing (the periodic refresh); use <see cref="RefreshNow"/> to be sure a commit is visible.</summary>
    public void Refresh() => _searchers.MaybeRefresh();

    /// <summary>Makes everything committed before this call visible to the searches that start after it: waits for a
    /// refresh in progress (which may have opened the index just before the commit), then refreshes again.</summary>
    public void RefreshNow() => _searchers.MaybeRefreshBlocking();

    public void Dispose()
    {
        _factory.Stop();
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
