using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>The weight of a <see cref="BestMatchQuery"/>, as Lucene's DisjunctionMaxWeight.</summary>
internal sealed class BestMatchWeight(BestMatchQuery query, IndexSearcher searcher) : Weight
{
    private readonly Weight[] _weights = [.. query.Matches.Select(match => match.CreateWeight(searcher))];

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

        return Scorers(context, acceptDocs) is { } scorers ? new BestMatchWindowScorer(this, scorers, query.OtherMatches) : null;
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

        result.Value = result.Match == true ? BestMatchQuery.Combine(max, sum, query.OtherMatches) : 0f;
        return result;
    }
}
