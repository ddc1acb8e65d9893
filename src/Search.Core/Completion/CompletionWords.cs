using Lucene.Net.Index;
using Search.Core.Documents;

namespace Search.Core.Completion;

/// <summary>
/// The words of one index snapshot that completions come from: every term of the titles and bodies (folded and stemmed
/// as the index has them, compound-part terms left out) in term order, each with the number of articles that have it,
/// and a <see cref="RangeMaximum"/> over those numbers. Built once per snapshot from the term dictionaries (a pass over
/// the terms, no article is read); a prefix is then two binary searches and its best words cost O(log n) each.
/// </summary>
/// <remarks>
/// The counts are Lucene's document frequencies, which include deleted articles until their segment is merged, as
/// every BM25 score here does. When the words would take more than the memory budget, the rarest are left out: words
/// in one article first, then in two, and so on (<see cref="MinArticles"/>).
/// </remarks>
internal sealed class CompletionWords
{
    /// <summary>No words: a snapshot whose words are not built yet, or an empty index.</summary>
    public static readonly CompletionWords None = new([], [0], [], minArticles: 1, TimeSpan.Zero);

    private readonly char[] _chars;
    private readonly int[] _starts;
    private readonly long[] _articles;
    private readonly RangeMaximum _best;

    private CompletionWords(char[] chars, int[] starts, long[] articles, int minArticles, TimeSpan buildTime)
    {
        BuildTime = buildTime;
        _chars = chars;
        _starts = starts;
        _articles = articles;
        _best = new RangeMaximum(articles);
        MinArticles = minArticles;
    }

    /// <summary>How long the words took to build.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>How many words there are.</summary>
    public int Count => _articles.Length;

    /// <summary>The fewest articles a word is in to be kept (1 unless the budget left rarer words out).</summary>
    public int MinArticles { get; }

    /// <summary>The memory the words take.</summary>
    public long Bytes => (_chars.LongLength * sizeof(char)) + (_starts.LongLength * sizeof(int)) + (_articles.LongLength * sizeof(long)) + _best.Bytes;

    /// <summary>The word at <paramref name="index"/>.</summary>
    public string this[int index] => new(_chars, _starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>How many articles have the word at <paramref name="index"/>.</summary>
    public int Articles(int index) => (int)_articles[index];

    /// <summary>The position of <paramref name="term"/>, or -1 when it is not one of the words.</summary>
    public int IndexOf(string term)
    {
        var at = LowerBound(term);
        return at < Count && Key(at).SequenceEqual(term) ? at : -1;
    }

    /// <summary>The positions of the words that start with <paramref name="prefix"/>, in the most articles first.</summary>
    public IEnumerable<int> StartingWith(string prefix) =>
        // The words that start with the prefix follow each other, up to the first word after prefix + the last char.
        _best.Top(LowerBound(prefix), LowerBound(prefix + char.MaxValue));

    /// <summary>Builds the words of <paramref name="reader"/>'s titles and bodies within <paramref name="budget"/> bytes.</summary>
    public static CompletionWords Build(IndexReader reader, long budget, CancellationToken cancel = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var terms = new List<(string Term, int Articles)>();
        var body = MultiFields.GetTerms(reader, ArticleFields.Body)?.GetEnumerator();
        var title = MultiFields.GetTerms(reader, ArticleFields.Title)?.GetEnumerator();
        // Both lists are in term order; merged, a word of both counts the articles of the field with more.
        var (b, t) = (Next(body), Next(title));
        while (b is not null || t is not null)
        {
            cancel.ThrowIfCancellationRequested();
            var order = b is null ? 1 : t is null ? -1 : string.CompareOrdinal(b.Value.Term, t.Value.Term);
            var (term, articles) = order < 0 ? b!.Value : order > 0 ? t!.Value : (b!.Value.Term, Math.Max(b.Value.Articles, t!.Value.Articles));
            if (IsWord(term))
            {
                terms.Add((term, articles));
            }

            if (order <= 0)
            {
                b = Next(body);
            }

            if (order >= 0)
            {
                t = Next(title);
            }
        }

        var minArticles = 1;
        while (BytesFor(terms, minArticles) > budget && minArticles < int.MaxValue / 2)
        {
            minArticles = Math.Max(minArticles + 1, minArticles * 2);
        }

        var kept = terms.Where(term => term.Articles >= minArticles).ToList();
        var chars = new char[kept.Sum(term => (long)term.Term.Length)];
        var starts = new int[kept.Count + 1];
        var counts = new long[kept.Count];
        var at = 0;
        for (var i = 0; i < kept.Count; i++)
        {
            starts[i] = at;
            kept[i].Term.CopyTo(chars.AsSpan(at));
            at += kept[i].Term.Length;
            counts[i] = kept[i].Articles;
        }

        starts[kept.Count] = at;
        return new CompletionWords(chars, starts, counts, minArticles, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    // A word: two letters or digits or more, starting with a letter; not a compound part (§maske), which no reader types,
    // nor a dotted or glued token ("kontaktbeschrankungen.der").
    private static bool IsWord(string term) =>
        term.Length >= 2 && char.IsLetter(term[0]) && term.All(char.IsLetterOrDigit);

    private static long BytesFor(List<(string Term, int Articles)> terms, int minArticles)
    {
        long bytes = 0;
        long count = 0;
        foreach (var (term, articles) in terms)
        {
            if (articles >= minArticles)
            {
                bytes += term.Length * sizeof(char);
                count++;
            }
        }

        // Per word: its start, its count and two tree nodes (the tree has a power of two of leaves: up to four).
        return bytes + (count * (sizeof(int) + sizeof(long) + (4 * sizeof(int))));
    }

    private static (string Term, int Articles)? Next(TermsEnum? terms) =>
        terms is not null && terms.MoveNext() ? (terms.Term.Utf8ToString(), terms.DocFreq) : null;

    private ReadOnlySpan<char> Key(int index) => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    private int LowerBound(string value)
    {
        var (lo, hi) = (0, Count);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Key(mid).SequenceCompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
