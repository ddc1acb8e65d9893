using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>
/// A word in all the places it may match (whole and as a compound part, in each field), scored by its best match plus
/// <see cref="OtherMatches"/> times the others: Lucene's <see cref="DisjunctionMaxQuery"/>, with the same matches,
/// explanations and, up to the rounding of a float, scores. Lucene's scorer adds the matches up in floats in the order
/// of its heap, which depends on which of them a segment has; here they are added in doubles in the order of the
/// clauses, so a word scores exactly the same whether it is read from its postings or from its table
/// (<see cref="CommonWords"/>), in every segment.
/// </summary>
internal sealed class BestMatchQuery : Query
{
    private readonly List<Query> _matches = [];

    /// <param name="otherMatches">The share of the matches other than the best that counts (0: the best alone).</param>
    public BestMatchQuery(float otherMatches) => OtherMatches = otherMatches;

    /// <summary>The share of the matches other than the best that counts.</summary>
    public float OtherMatches { get; }

    /// <summary>Where the word may match, in order.</summary>
    public IReadOnlyList<Query> Matches => _matches;

    /// <summary>Adds a place the word may match.</summary>
    public void Add(Query match) => _matches.Add(match);

    public override Weight CreateWeight(IndexSearcher searcher) => new BestMatchWeight(this, searcher);

    public override Query Rewrite(IndexReader reader)
    {
        BestMatchQuery? rewritten = null;
        for (var i = 0; i < _matches.Count; i++)
        {
            var match = _matches[i].Rewrite(reader);
            if (!ReferenceEquals(match, _matches[i]))
            {
                rewritten ??= Copy();
                rewritten._matches[i] = match;
            }
        }

        return rewritten ?? this;
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var match in _matches)
        {
            match.ExtractTerms(terms);
        }
    }

    public override string ToString(string field) =>
        "(" + string.Join(" | ", _matches.Select(match => match.ToString(field))) + ")~" +
        OtherMatches.ToString(CultureInfo.InvariantCulture) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is BestMatchQuery other && Boost == other.Boost && OtherMatches == other.OtherMatches && _matches.SequenceEqual(other._matches);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(OtherMatches);
        foreach (var match in _matches)
        {
            hash.Add(match);
        }

        return hash.ToHashCode();
    }

    // The best match plus the share of the others, in doubles, as every scorer and explanation of it works it out.
    private static float Combine(double best, double sum, double otherMatches) => (float)(best + ((sum - best) * otherMatches));

    private BestMatchQuery Copy()
    {
        var copy = new BestMatchQuery(OtherMatches) { Boost = Boost };
        copy._matches.AddRange(_matches);
        return copy;
    }

    // As Lucene's DisjunctionMaxWeight.
    private sealed class BestMatchWeight(BestMatchQuery query, IndexSearcher searcher) : Weight
    {
        private readonly Weight[] _weights = [.. query._matches.Select(match => match.CreateWeight(searcher))];

        public override Query Query => query;

        public override float GetValueForNormalization()
        {
            var (max, sum) = (0f, 0f);
            foreach (var weight in _weights)
            {
                var value = weight.GetValueForNormalization();
                sum += value;
                max = Math.Max(max, value);
            }

            var boost = query.Boost;
            return (((sum - max) * query.OtherMatches * query.OtherMatches) + max) * boost * boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var weight in _weights)
            {
                weight.Normalize(norm, topLevelBoost * query.Boost);
            }
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            return Scorers(context, acceptDocs) is { } scorers ? new BestMatchScorer(this, scorers, query.OtherMatches) : null;
        }

        public override bool ScoresDocsOutOfOrder => true;

        // Out of order (a word alone, or only optional words): window by window, as Lucene's BooleanScorer scores a
        // disjunction, into arrays reused by every search on the thread; a third faster than document by document
        // ("Corona" at a million articles: 35 ms, not 52), without the 2,048 bucket objects BooleanScorer allocates per
        // segment and search.
        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs)
        {
            if (scoreDocsInOrder)
            {
                return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            }

            return Scorers(context, acceptDocs) is { } scorers ? new WindowScorer(this, scorers, query.OtherMatches) : null;
        }

        // The scorers of the matches the segment has; null when it has none.
        private Scorer[]? Scorers(AtomicReaderContext context, IBits? acceptDocs)
        {
            var scorers = new List<Scorer>(_weights.Length);
            foreach (var weight in _weights)
            {
                if (weight.GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                }
            }

            return scorers.Count == 0 ? null : [.. scorers];
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (_weights.Length == 1)
            {
                return _weights[0].Explain(context, doc);
            }

            var result = new ComplexExplanation
            {
                Description = query.OtherMatches == 0f ? "max of:" : "max plus " + query.OtherMatches.ToString(CultureInfo.InvariantCulture) + " times others of:",
            };
            var (max, sum) = (double.NegativeInfinity, 0d);
            foreach (var weight in _weights)
            {
                var explanation = weight.Explain(context, doc);
                if (explanation.IsMatch)
                {
                    result.Match = true;
                    result.AddDetail(explanation);
                    sum += explanation.Value;
                    max = Math.Max(max, explanation.Value);
                }
            }

            result.Value = result.Match == true ? Combine(max, sum, query.OtherMatches) : 0f;
            return result;
        }
    }

    // Document at a time, the matches' scorers in a flat array with their current documents at hand. Lucene's
    // disjunction scorers keep them in a heap, read each one's document through two virtual calls per comparison and
    // swap them at every step: in a conjunction of common words that was a quarter of the search.
    private sealed class BestMatchScorer : Scorer
    {
        private readonly Scorer[] _scorers;
        private readonly int[] _docs;
        private readonly double _otherMatches;
        private int _doc = -1;

        public BestMatchScorer(Weight weight, Scorer[] scorers, float otherMatches)
            : base(weight)
        {
            _scorers = scorers;
            _otherMatches = otherMatches;
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
            var (max, sum) = (double.NegativeInfinity, 0d);
            for (var i = 0; i < _scorers.Length; i++)
            {
                if (_docs[i] == _doc)
                {
                    var score = _scorers[i].GetScore();
                    sum += score;
                    max = Math.Max(max, score);
                }
            }

            return Combine(max, sum, _otherMatches);
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

    // The matches' scores, window by window of Size documents: each match's postings are read through the window, its
    // scores added to the documents' slots (in the order of the clauses, as BestMatchScorer adds them), then the window's
    // documents are collected.
    private sealed class WindowScorer : BulkScorer
    {
        private const int Size = 2048;
        private const int Mask = Size - 1;

        [ThreadStatic]
        private static Window? t_window;

        private readonly Weight _weight;
        private readonly Scorer[] _scorers;
        private readonly int[] _docs;
        private readonly double _otherMatches;

        public WindowScorer(Weight weight, Scorer[] scorers, float otherMatches)
        {
            _weight = weight;
            _scorers = scorers;
            _otherMatches = otherMatches;
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
                        var score = (double)scorer.GetScore();
                        if (window.Stamps[slot] != stamp)
                        {
                            window.Stamps[slot] = stamp;
                            window.Sums[slot] = score;
                            window.Maxima[slot] = score;
                            window.Matches[slot] = 1;
                            window.Order[count++] = doc;
                        }
                        else
                        {
                            window.Sums[slot] += score;
                            window.Maxima[slot] = Math.Max(window.Maxima[slot], score);
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
                    hit.Set(doc, Combine(window.Maxima[slot], window.Sums[slot], _otherMatches), window.Matches[slot]);
                    collector.Collect(doc);
                }
            }
        }

        // A thread's window: a slot per document of the window, valid when stamped with the current window's number.
        private sealed class Window
        {
            private int _stamp;

            public int[] Stamps { get; } = new int[Size];

            public double[] Sums { get; } = new double[Size];

            public double[] Maxima { get; } = new double[Size];

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
}
