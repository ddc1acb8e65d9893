using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Querying;

/// <summary>
/// A word (or a quoted phrase) in any of its fields: a <see cref="BooleanQuery"/> of optional term or phrase queries
/// (coordination off), scored out
/// of order window by window as Lucene's <c>BooleanScorer</c> scores it, with the same scores (summed in the same
/// order, in doubles), but into arrays reused by every search on the thread. Lucene's scorer allocates a table of
/// 2,048 bucket objects per segment and search: a third of what a one-word search allocated, and each such search
/// brought the next garbage collection (about a millisecond on the real corpus) closer. Document at a time (a word of
/// several that must all match) its fields are scored from a flat array instead of Lucene's heap.
/// </summary>
internal sealed class WindowedDisjunctionQuery : BooleanQuery
{
    // Documents per window, as Lucene's BooleanScorer.
    private const int Size = 2048;

    /// <summary>An empty query, coordination off; add the optional clauses (see <see cref="Fits"/>).</summary>
    public WindowedDisjunctionQuery()
        : base(disableCoord: true)
    {
    }

    /// <summary>True when <paramref name="query"/> can be scored this way: two or more optional clauses, each a term or
    /// phrase query (a word, or a quoted phrase, in each field), no required or excluded ones, coordination off. Lucene
    /// scores such clauses through their plain scorers too, so the sums come out the same.</summary>
    public static bool Fits(BooleanQuery query) =>
        query.CoordDisabled && query.MinimumNumberShouldMatch == 0 && query.Clauses.Count > 1
        && query.Clauses.All(clause => clause.Occur == Occur.SHOULD && clause.Query is TermQuery or PhraseQuery);

    public override Weight CreateWeight(IndexSearcher searcher) => new WindowedWeight(this, searcher);

    private sealed class WindowedWeight(WindowedDisjunctionQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, disableCoord: true)
    {
        // Document at a time (inside a conjunction, or in document order): Lucene's DisjunctionSumScorer, or with one
        // field left its BooleanScorer2, replaced by one that sums the same scores.
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var scorers = new List<Scorer>(m_weights.Count);
            foreach (var weight in m_weights)
            {
                if (weight.GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                }
            }

            return scorers.Count switch
            {
                0 => null,
                1 => scorers[0],
                _ => new FieldsScorer(this, [.. scorers]),
            };
        }

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs)
        {
            if (scoreDocsInOrder)
            {
                return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            }

            // Lucene's BooleanScorer keeps its clauses last first; the sums are added up in that order.
            var scorers = new List<Scorer>(m_weights.Count);
            for (var clause = m_weights.Count - 1; clause >= 0; clause--)
            {
                if (m_weights[clause].GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                }
            }

            return scorers.Count == 0 ? null : new WindowScorer(this, [.. scorers]);
        }
    }

    private sealed class WindowScorer : BulkScorer
    {
        private const int Mask = Size - 1;

        [ThreadStatic]
        private static Window? t_window;

        private readonly Weight _weight;
        private readonly Scorer[] _scorers;
        private readonly int[] _docs;

        public WindowScorer(Weight weight, Scorer[] scorers)
        {
            _weight = weight;
            _scorers = scorers;
            _docs = [.. scorers.Select(scorer => scorer.NextDoc())];
        }

        public override bool Score(ICollector collector, int max)
        {
            var window = t_window ??= new Window();
            var hit = new CollectedHit(_weight);
            collector.SetScorer(hit);
            while (true)
            {
                var first = _docs.Min();
                if (first >= max)
                {
                    return first != DocIdSetIterator.NO_MORE_DOCS;
                }

                var end = (int)Math.Min((long)(first & ~Mask) + Size, max);
                var stamp = window.Next();
                var count = 0;
                for (var s = 0; s < _scorers.Length; s++)
                {
                    var scorer = _scorers[s];
                    var doc = _docs[s];
                    while (doc < end)
                    {
                        var slot = doc & Mask;
                        if (window.Stamps[slot] != stamp)
                        {
                            window.Stamps[slot] = stamp;
                            window.Scores[slot] = scorer.GetScore();
                            window.Matches[slot] = 1;
                            window.Order[count++] = doc;
                        }
                        else
                        {
                            window.Scores[slot] += scorer.GetScore();
                            window.Matches[slot]++;
                        }

                        doc = scorer.NextDoc();
                    }

                    _docs[s] = doc;
                }

                for (var i = 0; i < count; i++)
                {
                    var doc = window.Order[i];
                    var slot = doc & Mask;
                    hit.Set(doc, (float)window.Scores[slot], window.Matches[slot]);
                    collector.Collect(doc);
                }
            }
        }
    }

    // The word in its fields, document at a time: the fields' scorers in a flat array with their current documents at
    // hand. Lucene's DisjunctionSumScorer keeps them in a heap, reads each one's document through two virtual calls per
    // comparison and swaps them in an object array at every step; in a conjunction of common words that was a quarter
    // of the search. The score is the sum of the matching fields' scores in doubles, as DisjunctionSumScorer adds them
    // (the order differs, but a sum of a few floats is exact in a double, so the result does not).
    private sealed class FieldsScorer : Scorer
    {
        private readonly Scorer[] _scorers;
        private readonly int[] _docs;
        private int _doc = -1;

        public FieldsScorer(Weight weight, Scorer[] scorers)
            : base(weight)
        {
            _scorers = scorers;
            _docs = new int[scorers.Length];
            Array.Fill(_docs, -1);
        }

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                var matching = 0;
                foreach (var doc in _docs)
                {
                    matching += doc == _doc ? 1 : 0;
                }

                return matching;
            }
        }

        public override int NextDoc()
        {
            if (_doc == NO_MORE_DOCS)
            {
                return _doc;
            }

            var first = NO_MORE_DOCS;
            for (var i = 0; i < _scorers.Length; i++)
            {
                var doc = _docs[i];
                if (doc == _doc)
                {
                    _docs[i] = doc = _scorers[i].NextDoc();
                }

                first = Math.Min(first, doc);
            }

            return _doc = first;
        }

        public override int Advance(int target)
        {
            var first = NO_MORE_DOCS;
            for (var i = 0; i < _scorers.Length; i++)
            {
                var doc = _docs[i];
                if (doc < target)
                {
                    _docs[i] = doc = _scorers[i].Advance(target);
                }

                first = Math.Min(first, doc);
            }

            return _doc = first;
        }

        public override float GetScore()
        {
            var sum = 0d;
            for (var i = 0; i < _scorers.Length; i++)
            {
                if (_docs[i] == _doc)
                {
                    sum += _scorers[i].GetScore();
                }
            }

            return (float)sum;
        }

        public override long GetCost()
        {
            var cost = 0L;
            foreach (var scorer in _scorers)
            {
                cost += scorer.GetCost();
            }

            return cost;
        }

        public override ICollection<ChildScorer> GetChildren() => [.. _scorers.Select(scorer => new ChildScorer(scorer, "SHOULD"))];
    }

    // A thread's window: a slot per document of the window, valid when stamped with the current window's number.
    private sealed class Window
    {
        private int _stamp;

        public int[] Stamps { get; } = new int[Size];

        public double[] Scores { get; } = new double[Size];

        public int[] Matches { get; } = new int[Size];

        public int[] Order { get; } = new int[Size];

        public int Next()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(Stamps);
                _stamp = 1;
            }

            return _stamp;
        }
    }

    // What the collector sees of the hit being collected.
    private sealed class CollectedHit(Weight weight) : Scorer(weight)
    {
        private int _doc = -1;
        private float _score;
        private int _freq;

        public override int DocID => _doc;

        public override int Freq => _freq;

        public void Set(int doc, float score, int freq) => (_doc, _score, _freq) = (doc, score, freq);

        public override float GetScore() => _score;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 1;
    }
}
