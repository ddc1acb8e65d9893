using System.Collections.Concurrent;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Search.Core.Spelling;

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
