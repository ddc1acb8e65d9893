using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>
/// A word in all the places it may match (whole and as a compound part, in each field), scored by its best match plus
/// <see cref="OtherMatches"/> times the others: Lucene's <see cref="DisjunctionMaxQuery"/>, with the same matches,
/// explanations and, up to the rounding of a float, scores. Lucene's scorer adds the matches up in floats in the order
/// of its heap, which depends on which of them a segment has; here they are added in doubles in the order of the
/// clauses, so a word scores exactly the same whether it is read from its postings or from its table
/// (<see cref="CommonWords"/>), in every segment.
/// </summary>
internal sealed class BestMatchQuery : Query
{
    private readonly List<Query> _matches = [];

    /// <param name="otherMatches">The share of the matches other than the best that counts (0: the best alone).</param>
    public BestMatchQuery(float otherMatches) => OtherMatches = otherMatches;

    /// <summary>The share of the matches other than the best that counts.</summary>
    public float OtherMatches { get; }

    /// <summary>Where the word may match, in order.</summary>
    public IReadOnlyList<Query> Matches => _matches;

    /// <summary>Adds a place the word may match.</summary>
    public void Add(Query match) => _matches.Add(match);

    public override Weight CreateWeight(IndexSearcher searcher) => new BestMatchWeight(this, searcher);

    public override Query Rewrite(IndexReader reader)
    {
        BestMatchQuery? rewritten = null;
        for (var i = 0; i < _matches.Count; i++)
        {
            var match = _matches[i].Rewrite(reader);
            if (!ReferenceEquals(match, _matches[i]))
            {
                rewritten ??= Copy();
                rewritten._matches[i] = match;
            }
        }

        return rewritten ?? this;
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var match in _matches)
        {
            match.ExtractTerms(terms);
        }
    }

    public override string ToString(string field) =>
        "(" + string.Join(" | ", _matches.Select(match => match.ToString(field))) + ")~" +
        OtherMatches.ToString(CultureInfo.InvariantCulture) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is BestMatchQuery other && Boost == other.Boost && OtherMatches == other.OtherMatches && _matches.SequenceEqual(other._matches);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(OtherMatches);
        foreach (var match in _matches)
        {
            hash.Add(match);
        }

        return hash.ToHashCode();
    }

    /// <summary>The best match plus the share of the others, in doubles, as every scorer and explanation of it works it out.</summary>
    internal static float Combine(double best, double sum, double otherMatches) => (float)(best + ((sum - best) * otherMatches));

    private BestMatchQuery Copy()
    {
        var copy = new BestMatchQuery(OtherMatches) { Boost = Boost };
        copy._matches.AddRange(_matches);
        return copy;
    }
}
