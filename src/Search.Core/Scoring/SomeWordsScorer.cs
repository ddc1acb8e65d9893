using Lucene.Net.Search;

namespace Search.Core.Scoring;

/// <summary>
/// Finds the articles that have at least <c>minimum</c> of a query's words, in order, and scores each by the sum of
/// its words' scores (in doubles, in the order of the words). No article before the <c>minimum</c>-th smallest of the
/// words' current articles can have enough of them, so the words behind it are advanced straight to it; an article's
/// scores are read only once it is known to match.
/// </summary>
internal sealed class SomeWordsScorer : Scorer
{
    private readonly Scorer[] _words;
    private readonly int[] _docs;
    private readonly int[] _sorted;
    private readonly int _minimum;
    private int _doc = -1;
    private int _matched;

    /// <param name="weight">The weight.</param>
    /// <param name="words">The scorers of the words the segment has (at least <paramref name="minimum"/>).</param>
    /// <param name="minimum">How many words an article must have.</param>
    public SomeWordsScorer(Weight weight, Scorer[] words, int minimum)
        : base(weight)
    {
        _words = words;
        _minimum = minimum;
        _docs = new int[words.Length];
        _sorted = new int[words.Length];
        Array.Fill(_docs, -1);
    }

    public override int DocID => _doc;

    /// <summary>How many of the words the current article has.</summary>
    public override int Freq => _matched;

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        if (_doc == NO_MORE_DOCS)
        {
            return NO_MORE_DOCS;
        }

        var candidate = target;
        while (true)
        {
            var matched = 0;
            for (var i = 0; i < _docs.Length; i++)
            {
                if (_docs[i] < candidate)
                {
                    _docs[i] = _words[i].Advance(candidate);
                }

                if (_docs[i] == candidate)
                {
                    matched++;
                }
            }

            if (matched >= _minimum)
            {
                _matched = matched;
                return _doc = candidate;
            }

            // The next article where enough words could meet: the minimum-th smallest of their articles.
            _docs.CopyTo(_sorted, 0);
            Array.Sort(_sorted);
            candidate = _sorted[_minimum - 1];
            if (candidate == NO_MORE_DOCS)
            {
                return _doc = NO_MORE_DOCS;
            }
        }
    }

    public override float GetScore()
    {
        var sum = 0d;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] == _doc)
            {
                sum += _words[i].GetScore();
            }
        }

        return (float)sum;
    }

    public override long GetCost()
    {
        var cost = 0L;
        foreach (var word in _words)
        {
            cost += word.GetCost();
        }

        return cost;
    }

    public override ICollection<ChildScorer> GetChildren() => [.. _words.Select(word => new ChildScorer(word, "SHOULD"))];
}
