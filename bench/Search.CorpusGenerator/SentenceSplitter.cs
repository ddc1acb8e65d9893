using System.Collections.Frozen;

namespace Search.CorpusGenerator;

/// <summary>
/// Splits German running text into sentences: a sentence ends at <c>.</c>, <c>!</c> or <c>?</c> (plus closing quotes
/// or brackets) followed by whitespace and a capital letter or an opening quote. A period after a digit
/// ("am 7. Februar"), after a single letter ("z. B.", "Angela D. Merkel") or after a common abbreviation does not end one.
/// </summary>
internal static class SentenceSplitter
{
    private const string ClosingMarks = "\"'“”‘’«»)]";
    private const string OpeningMarks = "\"'„“‚‘»«(";

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations =
        new[] { "Abs", "Art", "bzw", "ca", "Dr", "evtl", "Fr", "ggf", "Hr", "inkl", "Jh", "Mio", "Mrd", "Nr", "Prof", "sog", "St", "Str", "vgl" }
            .ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the trimmed sentences of <paramref name="text"/> in order.</summary>
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && ClosingMarks.Contains(text[end], StringComparison.Ordinal))
            {
                end++;
            }

            if (IsSentenceEnd(text, i, end))
            {
                Add(sentences, text.AsSpan(start, end - start));
                start = end;
                i = end - 1;
            }
        }

        Add(sentences, text.AsSpan(start));
        return sentences;
    }

    /// <summary>Whether a sentence is complete: it ends with terminal punctuation, possibly inside quotes or brackets.</summary>
    public static bool IsTerminated(ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.TrimEnd(ClosingMarks);
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?';
    }

    private static bool IsSentenceEnd(string text, int mark, int end)
    {
        if (end >= text.Length || !char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= text.Length || !(char.IsUpper(text[next]) || OpeningMarks.Contains(text[next], StringComparison.Ordinal)))
        {
            return false;
        }

        return text[mark] != '.' || !EndsWithNumberOrAbbreviation(text.AsSpan(0, mark));
    }

    private static bool EndsWithNumberOrAbbreviation(ReadOnlySpan<char> before)
    {
        if (before.Length == 0 || char.IsDigit(before[^1]))
        {
            return true;
        }

        var wordStart = before.Length;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1]))
        {
            wordStart--;
        }

        var word = before[wordStart..];
        return word.Length == 1 || Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed.ToString());
        }
    }
}
