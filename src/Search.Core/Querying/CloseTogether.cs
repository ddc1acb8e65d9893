using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Ranking;

namespace Search.Core.Querying;

/// <summary>
/// The reward for the query's words standing close together (<see cref="SearchQuery.Proximity"/>): a sloppy phrase of
/// every word's index term in the headline (<see cref="RankingWeights.TitleProximityWeight"/>) and in the body
/// (<see cref="RankingWeights.ProximityWeight"/>), within <see cref="RankingWeights.ProximitySlop"/> positions in any
/// order. <see cref="ProximityRescorer"/> adds it to the first hits only.
/// </summary>
internal static class CloseTogether
{
    /// <summary>The reward's query for <paramref name="terms"/> (the query's words' index terms, in order); null for fewer
    /// than two terms or when both weights are 0.</summary>
    public static BooleanQuery? Query(IReadOnlyList<string> terms, RankingWeights weights)
    {
        if (terms.Count < 2 || !(weights.ProximityWeight > 0 || weights.TitleProximityWeight > 0))
        {
            return null;
        }

        var proximity = new BooleanQuery(disableCoord: true);
        foreach (var (field, weight) in new[] { (ArticleFields.Title, weights.TitleProximityWeight), (ArticleFields.Body, weights.ProximityWeight) })
        {
            if (!(weight > 0))
            {
                continue;
            }

            var near = new PhraseQuery { Slop = weights.ProximitySlop, Boost = weight };
            foreach (var term in terms)
            {
                near.Add(new Term(field, term));
            }

            proximity.Add(near, Occur.SHOULD);
        }

        return proximity;
    }
}
