using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Ranking;

namespace Search.Core.Scoring;

/// <summary>
/// One word of the query in every place it may stand (title, body and caption, whole and as a compound part), scored
/// as if the article's fields were one text: BM25F, as Lucene's later CombinedFieldQuery and Xapian's title weighting
/// score it. The word's occurrences are added up, each weighted by its field (a headline occurrence counts as
/// <see cref="RankingWeights.TitleWeight"/> in the body) and by whether it is the whole word or a part (<see cref="RankingWeights.CompoundPartWeight"/>); the
/// article's length is its fields' lengths weighted alike; BM25 then saturates the sum once. A per-field score summed
/// or maximised instead lets one mention in a short headline outweigh an article that keeps returning to the word.
/// </summary>
/// <remarks>The word's rarity (idf) is that of its commonest place: the most articles any of its terms is in.
/// k1 and b are the searcher's (<see cref="ArticleSimilarity"/>).</remarks>
internal sealed class CombinedFieldQuery : Query
{
    private readonly List<TermQuery> _matches = [];
    private readonly List<TermContext?> _states = [];
    private readonly List<int> _wholeDocFreqs = [];
    private TermLookups? _lookups;

    /// <param name="fieldWeights">The weight of each field the word is searched in; the article's combined length
    /// adds up these fields' lengths so weighted.</param>
    public CombinedFieldQuery(IReadOnlyDictionary<string, float> fieldWeights) => FieldWeights = fieldWeights;

    /// <summary>The weight of each field the word is searched in.</summary>
    public IReadOnlyDictionary<string, float> FieldWeights { get; }

    /// <summary>Where the word may match: term queries (or <see cref="CompoundPartQuery"/>) whose boost is what one
    /// occurrence there counts.</summary>
    public IReadOnlyList<TermQuery> Matches => _matches;

    /// <summary>Per match, its states when looked up for this search (<see cref="WithStates"/>), else null.</summary>
    internal IReadOnlyList<TermContext?> States => _states;

    /// <summary>Per match that is a compound part, how many articles have the whole word when looked up for this
    /// search; -1 otherwise.</summary>
    internal IReadOnlyList<int> WholeDocFreqs => _wholeDocFreqs;

    /// <summary>The search's lookups, which also give the fields' statistics; null when not looked up.</summary>
    internal TermLookups? Lookups => _lookups;

    /// <summary>Adds a place the word may match; an occurrence there counts <paramref name="match"/>'s boost.</summary>
    public void Add(TermQuery match)
    {
        _matches.Add(match);
        _states.Add(null);
        _wholeDocFreqs.Add(-1);
    }

    /// <summary>The same query with each match's states and each field's statistics looked up once per search, by
    /// <paramref name="lookups"/>.</summary>
    public CombinedFieldQuery WithStates(TermLookups lookups)
    {
        var resolved = new CombinedFieldQuery(FieldWeights) { Boost = Boost, _lookups = lookups };
        foreach (var match in _matches)
        {
            resolved._matches.Add(match);
            resolved._states.Add(lookups.States(match.Term));
            resolved._wholeDocFreqs.Add(match is CompoundPartQuery part ? lookups.DocFreq(part.Whole) : -1);
        }

        return resolved;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new CombinedFieldWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var match in _matches)
        {
            terms.Add(match.Term);
        }
    }

    public override string ToString(string field) =>
        "combined(" + string.Join(" ", _matches.Select(match => match.ToString(field))) + ")" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is CombinedFieldQuery other && Boost == other.Boost && _matches.SequenceEqual(other._matches)
        && FieldWeights.Count == other.FieldWeights.Count && FieldWeights.All(pair => other.FieldWeights.TryGetValue(pair.Key, out var weight) && weight == pair.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var match in _matches)
        {
            hash.Add(match);
        }

        return hash.ToHashCode();
    }
}
