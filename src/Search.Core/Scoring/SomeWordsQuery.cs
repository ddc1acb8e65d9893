using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>
/// A longer query's words of which an article must have at least <see cref="Minimum"/>, scored by the sum of the words
/// it has: a <see cref="BooleanQuery"/> of optional clauses with <c>MinimumNumberShouldMatch</c> and coordination
/// off, with the same matches, scores (to the rounding of a float) and explanations. Lucene scores that query with its
/// <c>MinShouldMatchSumScorer</c>, which keeps the words in a heap and reads the score of every article the sparsest
/// words are in; <see cref="SomeWordsScorer"/> jumps to the next article where enough words meet and reads the scores
/// of matches only (see docs/ARCHITECTURE.md for the figure).
/// </summary>
internal sealed class SomeWordsQuery : Query
{
    private readonly List<Query> _words;

    /// <param name="words">The words, each a query of its own.</param>
    /// <param name="minimum">How many of them an article must have (at least 1, at most their number).</param>
    public SomeWordsQuery(IEnumerable<Query> words, int minimum)
    {
        _words = [.. words];
        if (minimum < 1 || minimum > _words.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, $"Between 1 and the number of words ({_words.Count}).");
        }

        Minimum = minimum;
    }

    /// <summary>The words.</summary>
    public IReadOnlyList<Query> Words => _words;

    /// <summary>How many of the words an article must have.</summary>
    public int Minimum { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new SomeWordsWeight(this, searcher);

    public override Query Rewrite(IndexReader reader)
    {
        List<Query>? rewritten = null;
        for (var i = 0; i < _words.Count; i++)
        {
            var word = _words[i].Rewrite(reader);
            if (!ReferenceEquals(word, _words[i]))
            {
                rewritten ??= [.. _words];
                rewritten[i] = word;
            }
        }

        return rewritten is null ? this : new SomeWordsQuery(rewritten, Minimum) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var word in _words)
        {
            word.ExtractTerms(terms);
        }
    }

    public override string ToString(string field) =>
        "(" + string.Join(" ", _words.Select(word => word.ToString(field))) + ")~" +
        Minimum.ToString(CultureInfo.InvariantCulture) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is SomeWordsQuery other && Boost == other.Boost && Minimum == other.Minimum && _words.SequenceEqual(other._words);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(Minimum);
        foreach (var word in _words)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }
}
