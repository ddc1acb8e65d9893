using Search.Core.Analysis;

namespace Search.Core.Spelling;

/// <summary>
/// Edits between a query word and an index word as the typo retry and "did you mean" count them: neighbour-swap
/// Levenshtein over the folded terms, except that a vowel the reader typed as an umlaut (ä, ö, ü, or ae, oe, ue) and
/// the index word has as another vowel counts two edits instead of one.
/// </summary>
/// <remarks>
/// The index folds umlauts (Fähre → fahr, führe → fuhr), so a plain Levenshtein automaton sees ä → ü as the one edit
/// a → u, and "Fährre" came out as near to "führe" as to "Fähre". A reader who types an umlaut chose it: the vowel is
/// rarely the typo, the doubled r is. A vowel and its own umlaut stay no edit at all (the folded letters are equal), and
/// words typed without umlauts are counted as before ("Hand" → "Hund" is one edit).
/// </remarks>
internal static class TypoDistance
{
    private const string Vowels = "aeiouy";

    /// <summary>For each character of the index term <paramref name="term"/>, whether the reader typed it as an umlaut
    /// in <paramref name="typed"/>; null when no umlaut was typed or the term is not the folded word's start (a stem).</summary>
    public static bool[]? TypedUmlauts(string term, string typed)
    {
        var folded = GermanNewsAnalyzer.Fold(typed);
        if (!folded.StartsWith(term, StringComparison.Ordinal))
        {
            return null;
        }

        bool[]? umlauts = null;
        var lower = typed.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            var at = GermanNewsAnalyzer.Fold(lower[..i]).Length;
            var umlaut = lower[i] is 'ä' or 'ö' or 'ü'
                // "ae", "oe", "ue" written for an umlaut: the index drops the e.
                || (lower[i] is 'a' or 'o' or 'u' && i + 1 < lower.Length && lower[i + 1] == 'e'
                    && GermanNewsAnalyzer.Fold(lower[..(i + 2)]).Length == GermanNewsAnalyzer.Fold(lower[..(i + 1)]).Length);
            if (umlaut && at < term.Length)
            {
                umlauts ??= new bool[term.Length];
                umlauts[at] = true;
            }
        }

        return umlauts;
    }

    /// <summary>The edits that turn <paramref name="term"/> into <paramref name="candidate"/> (insert, delete, replace,
    /// swap neighbours), a typed umlaut replaced by another vowel counting two.</summary>
    /// <param name="term">The folded query term.</param>
    /// <param name="candidate">The folded index term.</param>
    /// <param name="umlauts">From <see cref="TypedUmlauts"/>; null counts every edit one.</param>
    public static int Distance(string term, string candidate, bool[]? umlauts)
    {
        var d = new int[term.Length + 1, candidate.Length + 1];
        for (var i = 0; i <= term.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= candidate.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= term.Length; i++)
        {
            for (var j = 1; j <= candidate.Length; j++)
            {
                var cost = term[i - 1] == candidate[j - 1] ? 0
                    : umlauts is not null && umlauts[i - 1] && Vowels.Contains(candidate[j - 1], StringComparison.Ordinal) ? 2
                    : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && term[i - 1] == candidate[j - 2] && term[i - 2] == candidate[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[term.Length, candidate.Length];
    }
}
