using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Ranking;

/// <summary>
/// Digests: bodies many times longer than the average article (a month's live blog, 10 to 60 times an article). They
/// have any few words somewhere, which says nothing about what they are about, so the rules that put an article first
/// for having every word (<see cref="AllWordsFirstQuery"/>) or printing it as typed (<see cref="AsTypedFirst"/>) pass
/// them over; they still match and rank by their score.
/// </summary>
internal static class Digests
{
    /// <summary>The most words a body may have before it counts as a digest: <paramref name="times"/> the average body
    /// (<paramref name="bodies"/>: the body field's statistics, as the search holds them); null when there is no limit
    /// (<paramref name="times"/> 0, or no bodies).</summary>
    public static double? Longest(CollectionStatistics bodies, float times) =>
        times <= 0 || bodies.DocCount <= 0 || bodies.SumTotalTermFreq <= 0
            ? null
            : times * bodies.SumTotalTermFreq / (double)bodies.DocCount;

    /// <summary>Whether the body of <paramref name="doc"/> (a top-level document number) has more than
    /// <paramref name="longest"/> words, as its length norm gives them.</summary>
    public static bool IsDigest(IndexSearcher searcher, int doc, double? longest)
    {
        if (longest is not { } most)
        {
            return false;
        }

        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var norms = leaf.AtomicReader.GetNormValues(ArticleFields.Body);
        return norms is not null && ArticleSimilarity.Length(norms.Get(doc - leaf.DocBase)) > most;
    }
}
