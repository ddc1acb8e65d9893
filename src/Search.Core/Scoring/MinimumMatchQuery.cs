using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Scoring;

/// <summary>
/// Optional words of which an article must have at least <see cref="BooleanQuery.MinimumNumberShouldMatch"/> (the
/// lenient match of a longer query: "an article may miss a word"), scored as Lucene scores such a
/// <see cref="BooleanQuery"/> (the sum of the words it has) but found window by window (<see cref="MinimumMatchScorer"/>)
/// instead of document by document through Lucene's <c>MinShouldMatchSumScorer</c>. Made by <see cref="TermLookups"/>
/// from the resolved query; matches, scores and explanations are those of the <see cref="BooleanQuery"/>.
/// </summary>
internal sealed class MinimumMatchQuery : Query
{
    /// <param name="words">Only optional clauses, with a minimum of at least one and fewer than all (<see cref="Fits"/>).</param>
    public MinimumMatchQuery(BooleanQuery words)
    {
        if (!Fits(words))
        {
            throw new ArgumentException($"Not a query of optional words with a minimum: {words}", nameof(words));
        }

        Words = words;
    }

    /// <summary>The query of optional words it scores.</summary>
    public BooleanQuery Words { get; }

    /// <summary>True when <paramref name="query"/> can be scored window by window: only optional clauses (2 to
    /// <see cref="MinimumMatchScorer.MaxClauses"/>), of which at least one and fewer than all must match.</summary>
    public static bool Fits(BooleanQuery query) =>
        query.MinimumNumberShouldMatch >= 1 && query.MinimumNumberShouldMatch < query.Clauses.Count
        && query.Clauses.Count <= MinimumMatchScorer.MaxClauses && query.Clauses.All(clause => clause.Occur == Occur.SHOULD);

    public override Weight CreateWeight(IndexSearcher searcher) => new MinimumMatchWeight(this, searcher);

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Words.Rewrite(reader);
        if (ReferenceEquals(rewritten, Words))
        {
            return this;
        }

        return rewritten is BooleanQuery words && Fits(words) ? new MinimumMatchQuery(words) : rewritten;
    }

    public override void ExtractTerms(ISet<Term> terms) => Words.ExtractTerms(terms);

    public override string ToString(string field) => Words.ToString(field);

    public override bool Equals(object? obj) => obj is MinimumMatchQuery other && Words.Equals(other.Words);

    public override int GetHashCode() => Words.GetHashCode() ^ 0x4d4d;
}
