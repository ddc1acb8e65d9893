using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>The weight of a <see cref="MinimumMatchQuery"/>: normalised and explained as Lucene's BooleanWeight
/// (coordination disabled) weighs the same optional words. In a segment where only as many words as the minimum occur,
/// every one is required: Lucene then adds their scores as floats in its conjunction's order, so that segment is left
/// to Lucene's own weight.</summary>
internal sealed class MinimumMatchWeight : Weight
{
    private readonly MinimumMatchQuery _query;
    private readonly Weight[] _weights;
    private readonly Lazy<Weight> _lucenes;
    private float _norm = 1f;
    private float _topLevelBoost = 1f;

    public MinimumMatchWeight(MinimumMatchQuery query, IndexSearcher searcher)
    {
        _query = query;
        _weights = [.. _query.Words.Clauses.Select(clause => clause.Query.CreateWeight(searcher))];
        _lucenes = new(() =>
        {
            var weight = _query.Words.CreateWeight(searcher);
            weight.GetValueForNormalization();
            weight.Normalize(_norm, _topLevelBoost);
            return weight;
        });
    }

    public override Query Query => _query;

    public override bool ScoresDocsOutOfOrder => false;

    public override float GetValueForNormalization()
    {
        var sum = 0f;
        foreach (var weight in _weights)
        {
            sum += weight.GetValueForNormalization();
        }

        var boost = _query.Words.Boost;
        return sum * boost * boost;
    }

    public override void Normalize(float norm, float topLevelBoost)
    {
        (_norm, _topLevelBoost) = (norm, topLevelBoost);
        foreach (var weight in _weights)
        {
            weight.Normalize(norm, topLevelBoost * _query.Words.Boost);
        }
    }

    public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
    {
        var scorers = new List<Scorer>(_weights.Length);
        foreach (var weight in _weights)
        {
            if (weight.GetScorer(context, acceptDocs) is { } scorer)
            {
                scorers.Add(scorer);
            }
        }

        var minimum = _query.Words.MinimumNumberShouldMatch;
        return scorers.Count < minimum ? null
            : scorers.Count == minimum ? _lucenes.Value.GetScorer(context, acceptDocs)
            : new MinimumMatchScorer(this, [.. scorers], minimum);
    }

    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var result = new ComplexExplanation { Description = "sum of:" };
        var (sum, matched) = (0d, 0);
        foreach (var weight in _weights)
        {
            var explanation = weight.Explain(context, doc);
            if (explanation.IsMatch)
            {
                result.AddDetail(explanation);
                sum += explanation.Value;
                matched++;
            }
        }

        var minimum = _query.Words.MinimumNumberShouldMatch;
        result.Match = matched >= minimum;
        result.Value = result.Match == true ? (float)sum : 0f;
        if (result.Match != true)
        {
            result.Description = $"Failure to match minimum number of optional clauses: {minimum}";
        }

        return result;
    }
}
