using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Spelling;

/// <summary>
/// A <see cref="FuzzyQuery"/> whose Levenshtein automata are built once per word and reused by every field, segment
/// and later search. Lucene builds them afresh for each field of each search; for a long word with two edits that
/// took most of the time of a typo-tolerant retry. Given the umlauts the reader typed (<see cref="TypoDistance"/>), it
/// leaves out the words that are within the edits only by turning a typed umlaut into another vowel.
/// </summary>
internal sealed class CachedFuzzyQuery(Term term, int maxEdits, int prefixLength, bool[]? typedUmlauts = null) : FuzzyQuery(term, maxEdits, prefixLength)
{
    private readonly bool[]? _typedUmlauts = typedUmlauts;

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
    {
        LevenshteinCache.Prime(atts, Term.Text, MaxEdits, PrefixLength, Transpositions);
        var near = base.GetTermsEnum(terms, atts);
        return _typedUmlauts is null ? near : new UmlautAwareTermsEnum(near, Term.Text, MaxEdits, _typedUmlauts);
    }

    public override bool Equals(object? obj) =>
        base.Equals(obj) && obj is CachedFuzzyQuery other && (_typedUmlauts ?? []).AsSpan().SequenceEqual(other._typedUmlauts ?? []);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), _typedUmlauts?.Count(umlaut => umlaut));

    // The automaton's words, less those whose umlaut-aware distance is more than the edits allowed. The attributes
    // (the boost of each word) are the automaton's own: a filtered enum shares its delegate's.
    private sealed class UmlautAwareTermsEnum(TermsEnum near, string term, int maxEdits, bool[] typedUmlauts) : FilteredTermsEnum(near, startWithSeek: false)
    {
        protected override AcceptStatus Accept(BytesRef candidate) =>
            TypoDistance.Distance(term, candidate.Utf8ToString(), typedUmlauts) <= maxEdits ? AcceptStatus.YES : AcceptStatus.NO;
    }
}
