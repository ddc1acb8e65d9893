using Lucene.Net.Search;

namespace Search.Core.Scoring;

/// <summary>
/// Scores a <see cref="BestMatchQuery"/> document at a time, the matches' scorers in a flat array with their current
/// documents at hand. Lucene's disjunction scorers keep them in a heap, read each one's document through two virtual
/// calls per comparison and swap them at every step: in a conjunction of common words that was a quarter of the search.
/// </summary>
internal sealed class BestMatchScorer : Scorer
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

        return BestMatchQuery.Combine(max, sum, _otherMatches);
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
