using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Collecting;
using Search.Core.Completion;
using Search.Core.Facets;
using Search.Core.Paging;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Scoring;
using Search.Core.Snapshots;

namespace Search.Core.Searching;

/// <summary>
/// One search on one snapshot, step by step: the query made from the text with the index at hand
/// (<see cref="QueryFactory"/>), run (<see cref="QueryRunner"/>), the typo rule (<see cref="TypoRetry"/>), the page cut
/// from the rankings (in the proximity rescorer's order when it has one), its hits with their snippets
/// (<see cref="HitAssembly"/>), and the cursor of the next page (<see cref="SearchPage"/>).
/// </summary>
internal sealed class SearchPipeline
{
    /// <summary>How many of the index's words that start with the word being typed a search with
    /// <see cref="SearchRequest.PrefixLast"/> matches it with (those in the most articles).</summary>
    public const int PrefixCompletions = 30;

    private readonly QueryFactory _queries;
    private readonly QueryRunner _runner;
    private readonly TypoRetry _typos;
    private readonly WritingAnalyzer _writing;

    /// <param name="queries">Makes the queries.</param>
    /// <param name="filters">The month, year and source filters, cached per segment.</param>
    /// <param name="collection">Collects the matches.</param>
    /// <param name="writing">The analyzer the index writes with (titles and captions are marked with it).</param>
    public SearchPipeline(QueryFactory queries, FilterCache filters, HitCollection collection, WritingAnalyzer writing)
    {
        _queries = queries;
        _runner = new QueryRunner(queries.Weights, filters, collection);
        _typos = new TypoRetry(queries);
        _writing = writing;
    }

    /// <summary>Restrict a search without facet counts to its filters up front (<see cref="QueryRunner.PreFilter"/>);
    /// off only to compare against in tests.</summary>
    public bool PreFilter
    {
        get => _runner.PreFilter;
        set => _runner.PreFilter = value;
    }

    /// <summary>Runs <paramref name="request"/> on <paramref name="searcher"/>'s snapshot for <paramref name="page"/>.</summary>
    public SearchResult Search(SnapshotSearcher searcher, SearchRequest request, SearchPage page)
    {
        using var lookups = new TermLookups(searcher.TopReaderContext, searcher.CommonWords);
        // While the reader types, the last word also matches the index's words that start with it; spelling is
        // then about the words before it only.
        var typing = request.PrefixLast ? Completer.Typing(request.Query, _queries.Limits.MinPrefixLength) : null;
        var completions = typing is { } word ? Completer.Expansions(searcher.Completions, word.Last, PrefixCompletions) : null;
        // Made with the index at hand, which knows the words two query words make together (JoinedWords).
        var query = _queries.Create(request.Query, fuzzyTerms: null, lookups.DocFreq, searcher.IndexReader.NumDocs, completions);
        // The words as typed, analysed once for both rules that read them (the near-the-best check and AsTypedFirst).
        TypedWords? typed = null;
        TypedWords Written() => typed ??= AsTypedFirst.Written(_queries, request.Query);
        var run = _runner.Run(searcher, lookups, query, request, page, Written);
        (run, query, var didYouMean, var fuzzy) = _typos.Apply(request, query, run, searcher.IndexReader, lookups.DocFreq, typing, completions,
            (tolerant, text) => _runner.Run(searcher, lookups, tolerant, request, page, () => AsTypedFirst.Written(_queries, text)), Written);

        var hits = run.Rescorer is { } rescorer
            ? rescorer.Page(searcher, lookups, run.Collected.Rankings, page.After, page.Skip, request.Size)
            : run.Collected.Rankings[0].ScoreDocs.Skip(page.Skip).Cast<FieldDoc>().ToList();
        if (AsTypedFirst.Applies(request, page, fuzzy, _queries.Weights))
        {
            hits = AsTypedFirst.Order(searcher, lookups, Written, hits, run.EveryWordFirst ? run.WithEveryWord : 0, _queries.Weights);
        }

        var shown = HitAssembly.Hits(searcher, request, query, hits, lookups.DocFreq, _writing);
        var facets = run.Collected.Facets;
        var next = page.Next(searcher.IndexReader, hits, facets.TotalHits);
        return new SearchResult(facets.TotalHits, shown, facets.Counts(), next, run.Collected.Partial)
        {
            DidYouMean = didYouMean,
            Fuzzy = fuzzy,
        };
    }
}
