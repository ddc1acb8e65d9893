using System.Runtime.InteropServices;

namespace Search.Core.Analysis;

/// <summary>
/// Counts the words of a corpus for <see cref="CompoundSplitter.Learn"/>: runs of letters, lowercased, as they come (a
/// plain scan, several times faster than a token stream); each distinct word is then folded once by the analyzer's own
/// normalisation, and stopwords dropped, so the dictionary holds the words the analyzer indexes before stemming.
/// </summary>
internal sealed class CompoundWordCounter
{
    private const int MaxWordLength = 64;
    private readonly Dictionary<string, WordCount> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordCount>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CompoundWordCounter() => _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(string text)
    {
        Span<char> word = stackalloc char[MaxWordLength];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var length = i - start;
            // A letter run glued to digits or an apostrophe-free mid-word mark is still a word here; too short or
            // too long runs are no compound parts.
            if (length < CompoundSplitter.MinPartLength - 1 || length > MaxWordLength)
            {
                continue;
            }

            var lower = word[..length];
            text.AsSpan(start, length).ToLowerInvariant(lower);
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, lower, out _);
            count = new WordCount(count.Total + 1, count.Capitalized + (char.IsUpper(text[start]) ? 1 : 0));
        }
    }

    public void Merge(CompoundWordCounter other)
    {
        foreach (var (word, count) in other._counts)
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, word, out _);
            sum = new WordCount(sum.Total + count.Total, sum.Capitalized + count.Capitalized);
        }
    }

    public CompoundSplitter ToSplitter()
    {
        var folded = new Dictionary<string, WordCount>(StringComparer.Ordinal);
        foreach (var (word, count) in _counts)
        {
            if (GermanNewsAnalyzer.StopWords.Contains(word))
            {
                continue;
            }

            var normal = Fold(word);
            if (normal.Length < CompoundSplitter.MinPartLength)
            {
                continue;
            }

            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(folded, normal, out _);
            sum = new WordCount(sum.Total + count.Total, sum.Capitalized + count.Capitalized);
        }

        return new(folded.Where(pair => pair.Value.Total >= CompoundSplitter.MinCount).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
    }

    private static string Fold(string word) =>
        // The folding only touches letters beyond ASCII (umlauts, ß, ğ, é …) and the spellings ae, oe, ue.
        word.AsSpan().IndexOfAnyExceptInRange('\0', '\u007f') < 0 && !word.Contains("ae", StringComparison.Ordinal)
            && !word.Contains("oe", StringComparison.Ordinal) && !word.Contains("ue", StringComparison.Ordinal)
            ? word
            : GermanNewsAnalyzer.Fold(word);
}
