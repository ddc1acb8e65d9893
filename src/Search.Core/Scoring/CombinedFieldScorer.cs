using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Scoring;

/// <summary>Scores a <see cref="CombinedFieldQuery"/> document at a time over the matches' postings, in a flat array
/// (as <see cref="BestMatchScorer"/>).</summary>
internal sealed class CombinedFieldScorer : Scorer
{
    private readonly DocsEnum[] _postings;
    private readonly float[] _tfWeights;
    private readonly int[] _docs;
    private readonly NumericDocValues?[] _norms;
    private readonly float[] _fieldWeights;
    private readonly double _weight;
    private readonly double _k1;
    private readonly double _b;
    private readonly double _averageLength;
    private int _doc = -1;

    public CombinedFieldScorer(Weight weight, DocsEnum[] postings, float[] tfWeights, NumericDocValues?[] norms, float[] fieldWeights,
        double scoreWeight, double k1, double b, double averageLength)
        : base(weight)
    {
        _postings = postings;
        _tfWeights = tfWeights;
        _norms = norms;
        _fieldWeights = fieldWeights;
        _weight = scoreWeight;
        _k1 = k1;
        _b = b;
        _averageLength = averageLength;
        _docs = new int[postings.Length];
        Array.Fill(_docs, -1);
    }

    public override int DocID => _doc;

    public override int Freq
    {
        get
        {
            var matching = 0;
            for (var i = 0; i < _docs.Length; i++)
            {
                matching += _docs[i] == _doc ? _postings[i].Freq : 0;
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
        for (var i = 0; i < _postings.Length; i++)
        {
            var doc = _docs[i];
            if (doc == _doc)
            {
                _docs[i] = doc = _postings[i].NextDoc();
            }

            first = Math.Min(first, doc);
        }

        return _doc = first;
    }

    public override int Advance(int target)
    {
        var first = NO_MORE_DOCS;
        for (var i = 0; i < _postings.Length; i++)
        {
            var doc = _docs[i];
            if (doc < target)
            {
                _docs[i] = doc = _postings[i].Advance(target);
            }

            first = Math.Min(first, doc);
        }

        return _doc = first;
    }

    public override float GetScore()
    {
        var (frequency, length) = Current();
        return (float)(_weight * frequency / (frequency + (_k1 * (1 - _b + (_b * length / _averageLength)))));
    }

    /// <summary>The current article's weighted occurrences and weighted length.</summary>
    public (double Frequency, double Length) Current()
    {
        var frequency = 0d;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] == _doc)
            {
                frequency += _tfWeights[i] * (double)_postings[i].Freq;
            }
        }

        var length = 0d;
        for (var f = 0; f < _norms.Length; f++)
        {
            if (_norms[f] is { } norms)
            {
                length += _fieldWeights[f] * (double)ArticleSimilarity.Length(norms.Get(_doc));
            }
        }

        return (frequency, length);
    }

    public override long GetCost()
    {
        var cost = 0L;
        foreach (var postings in _postings)
        {
            cost += postings.GetCost();
        }

        return cost;
    }
}
