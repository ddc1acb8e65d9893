using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Paging;
using Search.Core.Querying;
using Search.Core.Scoring;

namespace Search.Core.Ranking;

/// <summary>
/// Adds the proximity reward (<see cref="SearchQuery.Proximity"/>) to the first <see cref="Window"/> hits by matching
/// score, and orders the hits by the sum. Scoring the proximity of every match reads the positions of every query word
/// in every matching article; over a million articles that was a third of a search. Deeper hits keep their matching
/// score. The order is one order over all hits (window first: a window hit scores at least what it scored before, and
/// every later hit scored less), so pages and cursors agree with each other.
/// </summary>
/// <remarks>Lucene.Net's QueryRescorer does the same, but fails where the second query matches nothing in a segment
/// (its scorer is null there): a query whose words occur only inside compounds.</remarks>
internal sealed class ProximityRescorer(Query proximity)
{
    /// <summary>How many of the best hits by matching score get the proximity reward.</summary>
    public const int Window = 100;

    /// <summary>The rankings to collect for a page: the first <see cref="Window"/> hits by matching score, and after a
    /// cursor also the hits after it by matching score, enough of them that the page is there once window hits are left
    /// out.</summary>
    public static IReadOnlyList<(int Size, FieldDoc? After)> Rankings(int wanted, int pageSize, FieldDoc? after) =>
        after is null ? [(Math.Max(Window, wanted), null)] : [(Window, null), (Window + pageSize, after)];

    /// <summary>One page of hits in rescored order.</summary>
    /// <param name="searcher">The searcher the rankings were collected with.</param>
    /// <param name="lookups">The search's term lookups (the proximity words are the query's own words).</param>
    /// <param name="rankings">The hits collected for <see cref="Rankings"/>, ordered by matching score and id.</param>
    /// <param name="after">The cursor (score and id of the last hit shown), or null.</param>
    /// <param name="skip">Hits to skip (page-based paging without a cursor).</param>
    /// <param name="size">Hits per page.</param>
    public IReadOnlyList<FieldDoc> Page(IndexSearcher searcher, TermLookups lookups, IReadOnlyList<TopDocs> rankings, FieldDoc? after, int skip, int size)
    {
        var reader = searcher.IndexReader;
        var first = rankings[0].ScoreDocs;
        var window = first.Take(Window).ToArray();
        if (window.Length > 0)
        {
            if (SloppyPhrase.Of(proximity, searcher, lookups) is { } phrases)
            {
                AddProximity(searcher, phrases, window);
            }
            else
            {
                AddProximity(searcher, window);
            }
        }

        IEnumerable<ScoreDoc> candidates;
        if (after is null)
        {
            candidates = first;
        }
        else
        {
            var inWindow = window.Select(hit => hit.Doc).ToHashSet();
            candidates = window.Cast<FieldDoc>().Where(hit => Compare(reader, hit, after) > 0)
                .Concat(rankings[1].ScoreDocs.Where(hit => !inWindow.Contains(hit.Doc)));
            skip = 0;
        }

        return [.. candidates.Cast<FieldDoc>().Order(Comparer<FieldDoc>.Create((x, y) => Compare(reader, x, y))).Skip(skip).Take(size)];
    }

    // Adds the proximity score to each hit that has one, in place, as Lucene's scorers of the proximity query would
    // score it: the sum of the phrases' scores, added in doubles. The sort value goes with it, for the cursor.
    private static void AddProximity(IndexSearcher searcher, IReadOnlyList<SloppyPhrase> phrases, ScoreDoc[] hits)
    {
        var leaves = searcher.IndexReader.Leaves;
        foreach (var inLeaf in hits.GroupBy(hit => ReaderUtil.SubIndex(hit.Doc, leaves)))
        {
            var leaf = leaves[inLeaf.Key];
            var scorers = phrases.Select(phrase => phrase.Scorer(leaf)).OfType<SloppyPhrase.LeafScorer>().ToArray();
            if (scorers.Length == 0)
            {
                continue;
            }

            foreach (var hit in inLeaf.OrderBy(hit => hit.Doc))
            {
                var (sum, matched) = (0d, false);
                foreach (var scorer in scorers)
                {
                    if (scorer.Score(hit.Doc - leaf.DocBase) is { } score)
                    {
                        (sum, matched) = (sum + score, true);
                    }
                }

                if (matched)
                {
                    Reward((FieldDoc)hit, (float)sum);
                }
            }
        }
    }

    // As above, through Lucene's weight and scorers of the proximity query: for a phrase that repeats a word.
    private void AddProximity(IndexSearcher searcher, ScoreDoc[] hits)
    {
        var weight = searcher.CreateNormalizedWeight(proximity);
        var leaves = searcher.IndexReader.Leaves;
        foreach (var inLeaf in hits.GroupBy(hit => ReaderUtil.SubIndex(hit.Doc, leaves)))
        {
            var leaf = leaves[inLeaf.Key];
            var sorted = inLeaf.OrderBy(hit => hit.Doc).ToArray();

            // Only the hits are accepted: a phrase scorer advanced to a document it does not match goes on to the next
            // one it does, working out the word distances in every article on the way. With the hits alone it only
            // reads past the postings of the others. The bits come from a pool: a million articles take 125 KB.
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var words = FixedBitSet.Bits2words(maxDoc);
            var buffer = ArrayPool<long>.Shared.Rent(words);
            try
            {
                Array.Clear(buffer, 0, words);
                var accepted = new FixedBitSet(buffer, maxDoc);
                foreach (var hit in sorted)
                {
                    accepted.Set(hit.Doc - leaf.DocBase);
                }

                var scorer = weight.GetScorer(leaf, accepted);
                foreach (var hit in sorted)
                {
                    var doc = hit.Doc - leaf.DocBase;
                    if (scorer is not null && (scorer.DocID < doc ? scorer.Advance(doc) : scorer.DocID) == doc)
                    {
                        Reward((FieldDoc)hit, scorer.GetScore());
                    }
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(buffer);
            }
        }
    }

    private static void Reward(FieldDoc hit, float proximity)
    {
        hit.Score += proximity;
        hit.Fields[0] = J2N.Numerics.Single.GetInstance(hit.Score);
    }

    /// <summary>Best first: higher score, then the smaller id (as the searcher's sort, so ties fall the same way
    /// everywhere); an id is looked up only for a tie.</summary>
    public static int Compare(IndexReader reader, FieldDoc x, FieldDoc y)
    {
        var byScore = Score(y).CompareTo(Score(x));
        return byScore != 0 ? byScore : IdComparer.CompareIds(HitIds.Of(reader, x), HitIds.Of(reader, y));

        static float Score(FieldDoc hit) => ((J2N.Numerics.Single)hit.Fields[0]).ToSingle();
    }
}
