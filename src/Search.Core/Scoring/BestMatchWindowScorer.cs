using Lucene.Net.Search;

namespace Search.Core.Scoring;

/// <summary>
/// Scores a <see cref="BestMatchQuery"/> window by window of <see cref="Size"/> documents: each match's postings are
/// read through the window, its scores added to the documents' slots (in the order of the clauses, as
/// <see cref="BestMatchScorer"/> adds them), then the window's documents are collected.
/// </summary>
internal sealed class BestMatchWindowScorer : BulkScorer
{
    private const int Size = 2048;
    private const int Mask = Size - 1;

    [ThreadStatic]
    private static Window? t_window;

    private readonly Weight _weight;
    private readonly Scorer[] _scorers;
    private readonly int[] _docs;
    private readonly double _otherMatches;

    public BestMatchWindowScorer(Weight weight, Scorer[] scorers, float otherMatches)
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
                hit.Set(doc, BestMatchQuery.Combine(window.Maxima[slot], window.Sums[slot], _otherMatches), window.Matches[slot]);
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
