using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Search.Core.Querying;

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

/// <summary>
/// Compiled Levenshtein automata by word, edits, fixed prefix and transpositions, as <see cref="FuzzyTermsEnum"/>
/// builds them. Compiled automata are read-only once built, so searches on any thread share them.
/// </summary>
internal static class LevenshteinCache
{
    // Queries are typed by people; when this many distinct words were seen, the cache starts afresh.
    private const int MaxWords = 20_000;

    private static readonly ConcurrentDictionary<(string Text, int Edits, int Prefix, bool Transpositions), CompiledAutomaton[]> Automata = new();

    /// <summary>Hands the automata for <paramref name="text"/> to the <see cref="FuzzyTermsEnum"/> that will use
    /// <paramref name="atts"/>, so it does not build them.</summary>
    public static void Prime(AttributeSource atts, string text, int maxEdits, int prefixLength, bool transpositions)
    {
        ArgumentNullException.ThrowIfNull(atts);
        if (maxEdits <= 0 || maxEdits > LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE)
        {
            return;
        }

        var cached = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
        if (cached.Count > 0)
        {
            return;
        }

        if (Automata.Count >= MaxWords)
        {
            Automata.Clear();
        }

        foreach (var automaton in Automata.GetOrAdd((text, maxEdits, prefixLength, transpositions), Build))
        {
            cached.Add(automaton);
        }
    }

    // As FuzzyTermsEnum does: one automaton per distance 0..edits over the text after the fixed prefix, the prefix in front.
    private static CompiledAutomaton[] Build((string Text, int Edits, int Prefix, bool Transpositions) key)
    {
        var codePoints = key.Text.EnumerateRunes().Select(rune => rune.Value).ToArray();
        var prefix = Math.Min(key.Prefix, codePoints.Length);
        var builder = new LevenshteinAutomata(UnicodeUtil.NewString(codePoints, prefix, codePoints.Length - prefix), key.Transpositions);
        var automata = new CompiledAutomaton[key.Edits + 1];
        for (var distance = 0; distance <= key.Edits; distance++)
        {
            var automaton = builder.ToAutomaton(distance);
            if (prefix > 0)
            {
                automaton = BasicOperations.Concatenate(BasicAutomata.MakeString(UnicodeUtil.NewString(codePoints, 0, prefix)), automaton);
            }

            automata[distance] = new CompiledAutomaton(automaton, true, false);
        }

        return automata;
    }
}
