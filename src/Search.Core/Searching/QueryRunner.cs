using Lucene.Net.Search;
using Search.Core.Collecting;
using Search.Core.Documents;
using Search.Core.Facets;
using Search.Core.Paging;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Scoring;

namespace Search.Core.Searching;

/// <summary>
/// Runs one form of a query (as typed, or typo-tolerant): applies the rules that decide what matches and in which
/// order (only the articles with every word when many have them, those first when few do: <see cref="AllWordsFirstQuery"/>;
/// the proximity reward for the first hits only: <see cref="ProximityRescorer"/>; the recency blend), reads its terms
/// through the search's lookups (<see cref="TermLookups"/>), restricts it to the request's filters up front, and
/// collects it (<see cref="HitCollection"/>).
/// </summary>
internal sealed class QueryRunner(RankingWeights weights, FilterCache filters, HitCollection collection)
{
    /// <summary>Restrict a search without facet counts to its month, year and source filters up front (see
    /// <see cref="Run"/>); off only to compare against in tests.</summary>
    public bool PreFilter { get; set; } = true;

    /// <summary>Runs <paramref name="query"/> for <paramref name="request"/>'s <paramref name="page"/>; <paramref name="written"/>
    /// gives the query's words as the reader meant them (<see cref="AsTypedFirst.Written"/>), read only when an article
    /// with every word scores far below the best.</summary>
    public SearchRun Run(IndexSearcher searcher, TermLookups lookups, SearchQuery query, SearchRequest request, SearchPage page, Func<TypedWords> written)
    {
        var facetFilters = FacetFilters.Of(request);
        int[]? first = null;
        int? withEveryWord = null;
        if (query.AllWords is not null)
        {
            var (docs, count) = WithAllWords(searcher, lookups.Resolve(query.AllWords), request, facetFilters, Math.Max(query.StrictFrom, weights.AllWordsFirstBelow), weights.AllWordsFirstBelow);
            if (query.StrictFrom > 0 && count >= query.StrictFrom)
            {
                query = query with { Matching = query.AllWords, AllWords = null };
            }
            else
            {
                withEveryWord = count;
                if (count > 0 && count < weights.AllWordsFirstBelow && request.Sort == SearchSort.Relevance
                    && (weights.AllWordsFirstForQuestions || !QuerySyntax.IsQuestion(request.Query)))
                {
                    first = NotTooLong(searcher, lookups, docs);
                }
            }
        }

        // Ranked by relevance, the proximity reward goes to the first hits only (ProximityRescorer); ordered by date or
        // blended with it, every match is scored in full, as the order or the blend depends on it.
        var rescorer = query.Proximity is not null && page.ByScore && request.Sort != SearchSort.Fresh ? new ProximityRescorer(query.Proximity) : null;
        var rankings = rescorer is null ? [(page.Wanted, page.After)] : ProximityRescorer.Rankings(page.Wanted, request.Size, page.After);
        var scored = rescorer is not null ? query.Matching
            : request.Sort == SearchSort.Fresh && !query.Browsing ? new RecencyBlendQuery(query.Full, RecencyBlendQuery.NewestDay(searcher.IndexReader))
            : query.Full;

        // Each term looked up once per search, through one enumerator per segment and field (TermLookups).
        scored = lookups.Resolve(scored);

        // Which of the few articles with every word stay first depends on how the best others score. For a first page
        // ranked by the rescorer, one pass tells: every such article is put first, enough hits are collected to rank
        // the others without them, and those that score too far below the best other go back to their own place
        // (KeepNear). After a cursor, the best matches are searched for first (NearTheBest).
        var nearInOnePass = first is not null && weights.AllWordsFirstNear > 0 && rescorer is not null && page.After is null;
        if (first is not null && weights.AllWordsFirstNear > 0 && !nearInOnePass)
        {
            first = NearTheBest(searcher, lookups, scored, request, facetFilters, first, written);
        }

        AllWordsFirstQuery? lead = null;
        if (first is not null)
        {
            scored = lead = new AllWordsFirstQuery(scored, first);
        }

        if (nearInOnePass)
        {
            rankings = [(rankings[0].Size + first!.Length, null)];
        }

        if (!request.Facets && PreFilter)
        {
            // Without facets, nothing needs the matches outside the month, year and source filters: the query skips
            // them (cached per segment) instead of the collector scoring and dropping each. The collector still checks
            // every filter (and alone the date range). Facets count each facet without its own filter, so they need
            // every match and are not restricted.
            scored = filters.Restrict(scored, request);
        }

        var collected = collection.Collect(searcher, scored, page.Sort, rankings, facetFilters, request.Facets);
        if (nearInOnePass)
        {
            (collected, first) = KeepNear(searcher, lookups, lead!, collected, rankings[0].Size - lead!.First.Count, written);
        }

        return new SearchRun(collected, rescorer, withEveryWord ?? collected.Facets.TotalHits, EveryWordFirst: withEveryWord is null || first is not null);
    }

    // The articles of first that score at least AllWordsFirstNear of the best article without every word, or print every
    // word as typed (a reader who copied them from it); null when none does. Four long articles that mention a blood
    // donation once beside "mangels" are no answer to "Blutspenden Mangel" ahead of the Red Cross's appeals. The scores
    // are those of the query's best ProximityRescorer.Window matches under the request's filters: an article with every
    // word that is not among them scores less than the best other.
    private int[]? NearTheBest(IndexSearcher searcher, TermLookups lookups, Query scored, SearchRequest request, FacetFilters facetFilters, int[] first, Func<TypedWords> written)
    {
        var top = searcher.Search(filters.Restrict(scored, request), ProximityRescorer.Window).ScoreDocs
            .Where(hit => InDateRange(searcher, hit.Doc, facetFilters))
            .Select(hit => (hit.Doc, hit.Score))
            .ToList();
        return Near(searcher, lookups, first, top, written);
    }

    // NearTheBest from one pass that put every article of first first (lead): the hits collected hold them and at least
    // size others, which rank as the query scores them. The far ones go back to their own score and place, the hits are
    // ordered again (score, then id, as collected) and cut to size: the ranking a pass with only the near ones first
    // would have collected. Returns it with the near ones (null when none is).
    private (Collected Collected, int[]? Near) KeepNear(IndexSearcher searcher, TermLookups lookups, AllWordsFirstQuery lead, Collected collected, int size, Func<TypedWords> written)
    {
        var first = lead.First.ToArray();
        var hits = collected.Rankings[0].ScoreDocs.Cast<FieldDoc>().ToArray();
        var own = new Dictionary<int, float>(first.Length);
        for (var i = 0; i < first.Length; i++)
        {
            own[first[i]] = lead.ScoreWithoutBonus(i);
        }

        var top = hits.Select(hit => (hit.Doc, Score: own.TryGetValue(hit.Doc, out var score) ? score : hit.Score))
            .OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Doc)
            .Take(ProximityRescorer.Window)
            .ToList();
        var near = Near(searcher, lookups, first, top, written);
        foreach (var hit in hits)
        {
            if (own.TryGetValue(hit.Doc, out var score) && (near is null || Array.IndexOf(near, hit.Doc) < 0))
            {
                hit.Score = score;
                hit.Fields[0] = J2N.Numerics.Single.GetInstance(score);
            }
        }

        var reader = searcher.IndexReader;
        var ranked = hits.Order(Comparer<FieldDoc>.Create((x, y) => ProximityRescorer.Compare(reader, x, y))).Take(size).ToArray<ScoreDoc>();
        var ranking = new TopDocs(collected.Rankings[0].TotalHits, ranked, ranked.Length > 0 ? ranked[0].Score : float.NaN);
        return (collected with { Rankings = [ranking, .. collected.Rankings.Skip(1)] }, near);
    }

    // The articles of first that score at least AllWordsFirstNear of the best other article among top (the best
    // matches by their own score, best first), or print every word as typed; null when none does.
    private int[]? Near(IndexSearcher searcher, TermLookups lookups, int[] first, List<(int Doc, float Score)> top, Func<TypedWords> written)
    {
        var isFirst = first.ToHashSet();
        var other = top.FindIndex(hit => !isFirst.Contains(hit.Doc));
        if (other < 0)
        {
            return first;
        }

        var bestOther = top[other].Score;
        var scores = top.ToDictionary(hit => hit.Doc, hit => hit.Score);
        int[] far = [.. first.Where(doc => !(scores.TryGetValue(doc, out var score) && score >= weights.AllWordsFirstNear * bestOther))];
        var printed = new HashSet<int>();
        if (far.Length > 0 && written() is { Count: >= 2 } words)
        {
            // The postings tell which may print the words as typed (TypedWords.MayBePrintedBy); only those are read.
            var may = words.MayBePrintedBy(searcher.IndexReader, lookups, far);
            printed.UnionWith(far.Where((doc, i) => may[i] && words.PrintedBy(searcher, doc)));
        }

        int[] near = [.. first.Where(doc => !far.Contains(doc) || printed.Contains(doc))];
        return near.Length == 0 ? null : near;
    }

    private static bool InDateRange(IndexSearcher searcher, int doc, FacetFilters facetFilters)
    {
        if (!facetFilters.HasDateRange)
        {
            return true;
        }

        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[Lucene.Net.Index.ReaderUtil.SubIndex(doc, leaves)];
        var dates = leaf.AtomicReader.GetNumericDocValues(ArticleFields.DateSort);
        return dates is null || facetFilters.InDateRange(dates.Get(doc - leaf.DocBase));
    }

    // The articles of docs whose body is at most AllWordsFirstLongest times the average body: a digest many times longer
    // than an article (a month's live blog) has any few words somewhere, which says nothing about what it is about. The
    // run still counts it among the articles with every word, so AsTypedFirst may move it up when it scores among them
    // and prints the words as typed (a reader who copied them from it): making the rule skip such queries instead cost
    // body-hard known items 0.008 and compounds 0.005: the 45 articles of the real corpus that long have most words.
    private int[] NotTooLong(IndexSearcher searcher, TermLookups lookups, int[] docs)
    {
        var longest = Digests.Longest(lookups.CollectionStatistics(searcher, ArticleFields.Body), weights.AllWordsFirstLongest);
        return longest is null ? docs : [.. docs.Where(doc => !Digests.IsDigest(searcher, doc, longest))];
    }

    // How many articles have every word of a query that lets an article miss one, under the request's filters, counted
    // up to countUpTo, and the first keepUpTo of them (top-level document numbers, in order). Reads the words'
    // conjunction only that far, so it costs little whether the words are rare or common.
    private (int[] Docs, int Count) WithAllWords(IndexSearcher searcher, Query allWords, SearchRequest request, FacetFilters facetFilters, int countUpTo, int keepUpTo)
    {
        if (countUpTo <= 1)
        {
            return ([], 0);
        }

        var weight = searcher.CreateNormalizedWeight(filters.Restrict(allWords, request));
        var first = new List<int>(keepUpTo);
        var count = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            var dates = facetFilters.HasDateRange ? leaf.AtomicReader.GetNumericDocValues(ArticleFields.DateSort) : null;
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                if (dates is not null && !facetFilters.InDateRange(dates.Get(doc)))
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
}
