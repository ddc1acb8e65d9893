using System.Runtime.ExceptionServices;
using Lucene.Net.Search;
using Search.Core.Facets;
using Search.Core.Paging;

namespace Search.Core.Collecting;

/// <summary>
/// Collects the matches of a query into its rankings and facet counts, in one pass over the matches: a large index
/// in parallel parts while cores are idle (<see cref="DocRange.Split"/>), the parts' rankings merged as Lucene's
/// <see cref="TopDocs.Merge(Sort, int, TopDocs[])"/> merges them and their counts added. Thread-safe.
/// </summary>
internal sealed class HitCollection
{
    /// <summary>The default of <see cref="ParallelMinDocs"/>.</summary>
    public const int DefaultParallelMinDocs = 100_000;

    private int _running;

    /// <summary>How long one search may collect matches before it returns what it has, flagged partial.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An index of at least this many articles (deleted ones included) is searched in parallel parts.</summary>
    public int ParallelMinDocs { get; set; } = DefaultParallelMinDocs;

    /// <summary>How many parts a search of a large index is split into when it runs alone.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The matches of <paramref name="scored"/>, collected into <paramref name="rankings"/> (each of
    /// <paramref name="sort"/>, a size and where it starts) and counted by facet within <paramref name="filters"/>.</summary>
    public Collected Collect(IndexSearcher searcher, Query scored, Sort sort, IReadOnlyList<(int Size, FieldDoc? After)> rankings, FacetFilters filters, bool countFacets)
    {
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
                return Collect(weight, runs[0], sort, rankings, filters, countFacets);
            }

            var results = new Collected[runs.Count];
            try
            {
                Parallel.For(0, runs.Count, part => results[part] = Collect(weight, runs[part], sort, rankings, filters, countFacets));
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
            return new Collected([.. merged], all, results.Any(result => result.Partial));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
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

        return new Collected([.. tops.Select(top => top.Hits())], facets, partial);
    }

    // The rankings, the facet counting in front of them, and the time limit in front of both. A first page by relevance
    // is ranked by BestFirstCollector, every other order and a page after a cursor by Lucene's TopFieldCollector.
    private (HitRanking[] Rankings, FacetCollector Facets, ICollector Collector) Collectors(Sort sort, IReadOnlyList<(int Size, FieldDoc? After)> rankings,
        FacetFilters filters, bool countFacets)
    {
        var tops = rankings
            .Select(ranking => sort == SearchOrder.BestFirst && ranking.After is null
                ? HitRanking.Of(new BestFirstCollector(sort, ranking.Size))
                : HitRanking.Of(TopFieldCollector.Create(sort, ranking.Size, ranking.After, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)))
            .ToArray();
        var facets = new FacetCollector(tops.Length == 1 ? tops[0].Collector : new ScoreOnce(MultiCollector.Wrap([.. tops.Select(top => top.Collector)])), filters, countFacets);
        return (tops, facets, new TimeLimitingCollector(facets, TimeLimitingCollector.GlobalCounter, (long)TimeBudget.TotalMilliseconds));
    }
}
