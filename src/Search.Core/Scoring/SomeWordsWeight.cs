using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>The weight of a <see cref="SomeWordsQuery"/>, as Lucene's BooleanWeight of optional clauses without
/// coordination.</summary>
internal sealed class SomeWordsWeight(SomeWordsQuery query, IndexSearcher searcher) : Weight
{
    private readonly Weight[] _weights = [.. query.Words.Select(word => word.CreateWeight(searcher))];

    public override Query Query => query;

    public override float GetValueForNormalization()
    {
        var sum = 0f;
        foreach (var weight in _weights)
        {
            sum += weight.GetValueForNormalization();
        }

        return sum * query.Boost * query.Boost;
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
        var scorers = new List<Scorer>(_weights.Length);
        foreach (var weight in _weights)
        {
            if (weight.GetScorer(context, acceptDocs) is { } scorer)
            {
                scorers.Add(scorer);
            }
        }

        return scorers.Count < query.Minimum ? null : new SomeWordsScorer(this, [.. scorers], query.Minimum);
    }

    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var result = new ComplexExplanation { Description = $"sum of at least {query.Minimum} of:" };
        var (matched, sum) = (0, 0d);
        foreach (var weight in _weights)
        {
            var explanation = weight.Explain(context, doc);
            if (explanation.IsMatch)
            {
                result.AddDetail(explanation);
                matched++;
                sum += explanation.Value;
            }
        }

        result.Match = matched >= query.Minimum;
        result.Value = result.Match == true ? (float)sum : 0f;
        if (result.Match != true)
        {
            result.Description = $"no match: {matched} of the at least {query.Minimum} words";
        }

        return result;
    }
}
