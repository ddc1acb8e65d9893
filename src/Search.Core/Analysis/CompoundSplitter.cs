using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Search.Core.Analysis;

/// <summary>
/// The words of a corpus with how often each occurs, learned from the corpus itself (no external word list), and the
/// compound splitting they allow: a word is split only when it can be read, end to end, as two to four known words,
/// optionally joined by a German linking element (Fugen-s, -es, -n, -en, -e, -er). Among the readings the one with
/// the fewest parts wins, then the one whose parts are most frequent (geometric mean of their counts); and it is split
/// only when that mean is higher than the count of the whole word, so a word far more common than its would-be parts
/// ("impfstoff" against impf + stoff) stays whole (Koehn &amp; Knight 2003, "Empirical Methods for Compound Splitting").
/// The last part must be a noun (written capitalised in most of its occurrences), and <see cref="CompoundSplitFilter"/>
/// only splits words written capitalised, so adjectives and verbs are left alone ("langsamen" is not lang + samen,
/// "entscheiderinnen" not entscheider + innen).
/// </summary>
/// <remarks>
/// Words are kept in the analyzer's normalised form (lowercase, umlauts and ß folded, not stemmed). Because the
/// whole word has to be covered, a stray known word inside another one is not split off: "wandhalterung" may become
/// wand + halterung, never wand + alterung.
/// </remarks>
public sealed class CompoundSplitter
{
    /// <summary>The file in an index folder that holds the dictionary the index was built with.</summary>
    public const string FileName = "compound-words.tsv";

    /// <summary>The shortest part a compound is split into ("amt", "tag" and "bau" are too short to split off safely).</summary>
    public const int MinPartLength = 4;

    /// <summary>The shortest word that is tried as a compound.</summary>
    public const int MinCompoundLength = 2 * MinPartLength;

    /// <summary>The longest word that is tried as a compound; longer tokens are codes, URLs or garbage.</summary>
    public const int MaxCompoundLength = 48;

    /// <summary>How often a word must occur in the corpus to be kept in the dictionary.</summary>
    public const int MinCount = 3;

    /// <summary>How often a word must occur to serve as a part: rarer words are too often fragments ("rung", "lung").</summary>
    public const int MinPartCount = 10;

    private const int MaxParts = 4;

    /// <summary>Linking elements between the parts of a compound, longest first; the empty one is tried too.</summary>
    internal static readonly string[] Links = ["ens", "es", "en", "er", "s", "n", "e", ""];

    private readonly Dictionary<string, WordCount> _counts;
    private readonly Dictionary<string, WordCount>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private const int MaxCachedSplits = 500_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<(int Start, int Length)>> _splitCache = new(StringComparer.Ordinal);
    private int _cachedSplits;
    private readonly ConcurrentDictionary<string, IReadOnlyList<(int Start, int Length)>>.AlternateLookup<ReadOnlySpan<char>> _splits;

    internal CompoundSplitter(Dictionary<string, WordCount> counts)
    {
        _counts = counts;
        _lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        _splits = _splitCache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A dictionary without words: nothing is split.</summary>
    public static CompoundSplitter Empty { get; } = new(new Dictionary<string, WordCount>(StringComparer.Ordinal));

    /// <summary>The number of known words.</summary>
    public int Count => _counts.Count;

    /// <summary>How often <paramref name="word"/> (normalised) occurred; 0 when it is not a known word.</summary>
    public int CountOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var count) ? count.Total : 0;

    /// <summary>True when <paramref name="word"/> (normalised) is written capitalised in at least 70 % of its occurrences.</summary>
    public bool IsNoun(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var count) && count.Capitalized * 10 >= count.Total * 7;

    /// <summary>Counts the words of <paramref name="texts"/> and keeps those that can serve as compound parts.</summary>
    public static CompoundSplitter Learn(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counters = new ConcurrentBag<CompoundWordCounter>();
        Parallel.ForEach(texts, () => new CompoundWordCounter(), (text, _, counter) =>
        {
            counter.Add(text);
            return counter;
        }, counters.Add);
        var total = new CompoundWordCounter();
        foreach (var counter in counters)
        {
            total.Merge(counter);
        }

        return total.ToSplitter();
    }

    /// <summary>Reads a dictionary written by <see cref="Save"/>; an absent file gives <see cref="Empty"/>.</summary>
    public static CompoundSplitter Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        var counts = new Dictionary<string, WordCount>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length == 3
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var capitalized))
            {
                counts[fields[0]] = new WordCount(total, capitalized);
            }
        }

        return new CompoundSplitter(counts);
    }

    /// <summary>Writes the dictionary (word, count, capitalised count; tab-separated, one word per line) atomically: a crash leaves the old file or the new one.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            foreach (var (word, count) in _counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.Write(word);
                writer.Write('\t');
                writer.Write(count.Total.ToString(CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.WriteLine(count.Capitalized.ToString(CultureInfo.InvariantCulture));
            }

            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The parts of <paramref name="word"/> (normalised) as (start, length) ranges of it, linking elements left out;
    /// empty when it is not a compound of known words.
    /// </summary>
    public IReadOnlyList<(int Start, int Length)> Split(ReadOnlySpan<char> word)
    {
        if (word.Length < MinCompoundLength || word.Length > MaxCompoundLength || _counts.Count == 0)
        {
            return [];
        }

        // Words repeat across articles, and snippets analyse the same bodies again: remember each word's reading.
        if (_splits.TryGetValue(word, out var known))
        {
            return known;
        }

        var best = new CompoundReading(Math.Log(Math.Max(1, CountOf(word))));
        var current = new List<(int Start, int Length)>(MaxParts);
        Search(word, 0, current, 0, ref best);
        IReadOnlyList<(int Start, int Length)> parts = best.Parts is null ? [] : best.Parts.ToArray();
        if (Volatile.Read(ref _cachedSplits) < MaxCachedSplits && _splits.TryAdd(word, parts))
        {
            Interlocked.Increment(ref _cachedSplits);
        }

        return parts;
    }

    // Depth-first over the readings of word[start..]: every known first part, then an optional linking element.
    private void Search(ReadOnlySpan<char> word, int start, List<(int Start, int Length)> parts, double logSum, ref CompoundReading best)
    {
        var rest = word.Length - start;
        if (parts.Count > 0)
        {
            // The remainder as the last part.
            var count = CountOf(word[start..]);
            if (count >= MinPartCount && rest >= MinPartLength && IsNoun(word[start..]))
            {
                parts.Add((start, rest));
                best.Offer(parts, logSum + Math.Log(count), start + rest - Covered(parts));
                parts.RemoveAt(parts.Count - 1);
            }
        }

        if (parts.Count + 1 >= MaxParts)
        {
            return;
        }

        for (var length = MinPartLength; length <= rest - MinPartLength; length++)
        {
            var count = CountOf(word.Slice(start, length));
            if (count < MinPartCount)
            {
                continue;
            }

            parts.Add((start, length));
            foreach (var link in Links)
            {
                var next = start + length + link.Length;
                if (word.Length - next >= MinPartLength && word.Slice(start + length).StartsWith(link, StringComparison.Ordinal))
                {
                    Search(word, next, parts, logSum + Math.Log(count), ref best);
                }
            }

            parts.RemoveAt(parts.Count - 1);
        }
    }

    private static int Covered(List<(int Start, int Length)> parts) => parts.Sum(part => part.Length);
}
