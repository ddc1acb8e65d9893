using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// A compound the reader types as one word that the articles write apart: "Beethovenjahr" is in no article, "Beethoven-Jahr"
/// in dozens. The index joins two neighbouring words only where the corpus also writes them as one
/// (<see cref="CompoundJoinFilter"/>), and the query analyzer does not split compounds, so such a word found nothing. For
/// a word the index hardly knows, this finds the one split into two words that the index knows well (the rarer of the two
/// in the most articles; a linking s may end the first), which the query then also matches as a phrase.
/// </summary>
internal static class WrittenApart
{
    /// <summary>A word in more articles than this is searched as typed only.</summary>
    public const int MaxArticles = 2;

    /// <summary>Each part must be in at least this many articles' bodies.</summary>
    public const int MinPartArticles = 10;

    /// <summary>The rarer part must be in at most this many articles' bodies: the phrase of two words that common reads
    /// the positions of every article with both ("Altersfalle" as "Alters Falle": 2 ms a search, where the word alone
    /// takes 0.1), and two such common words side by side are rarely the compound the reader meant.</summary>
    public const int MaxPartArticles = 1_000;

    /// <summary>The two words <paramref name="word"/> splits into ("Beethoven Jahr"), or null.</summary>
    /// <param name="word">A plain word as typed.</param>
    /// <param name="terms">Its index terms, as the query analyzer made them.</param>
    /// <param name="analyze">The index terms of a text, as the query analyzer makes them.</param>
    /// <param name="docFreq">How many articles' bodies have a term.</param>
    /// <param name="maxPartArticles">The most articles the rarer part may be in (<see cref="MaxPartArticles"/> for a
    /// phrase).</param>
    public static string? Parts(string word, IReadOnlyList<string> terms, Func<string, IReadOnlyList<string>> analyze, Func<Term, int> docFreq, int maxPartArticles = MaxPartArticles)
    {
        if (word.Length < CompoundSplitter.MinCompoundLength || terms is not [var whole] || Articles(docFreq, whole) > MaxArticles
            || !word.All(char.IsLetter))
        {
            return null;
        }

        string? best = null;
        var bestArticles = 0;
        for (var at = CompoundSplitter.MinPartLength; at <= word.Length - CompoundSplitter.MinPartLength; at++)
        {
            // The second word first, once for both first words: most ends of a word are no word of their own, and then
            // neither first word needs analysing.
            var right = word[at..];
            if (analyze(right) is not [var rightTerm] || docFreq(new Term(ArticleFields.Body, rightTerm)) is var rightArticles && rightArticles < MinPartArticles)
            {
                continue;
            }

            foreach (var left in word[at - 1] is 's' or 'S' ? new[] { word[..at], word[..(at - 1)] } : [word[..at]])
            {
                if (analyze(left) is not [var leftTerm])
                {
                    continue;
                }

                var articles = Math.Min(docFreq(new Term(ArticleFields.Body, leftTerm)), rightArticles);
                if (articles >= MinPartArticles && articles <= maxPartArticles && articles > bestArticles)
                {
                    (best, bestArticles) = ($"{left} {right}", articles);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// <paramref name="text"/> with each plain word that no article's headline or body has whole replaced by the two
    /// words it splits into (each in <see cref="MinPartArticles"/> articles at least, however common): "Lehrerimpfung" is
    /// in no article, which write "Impfung der Lehrer" or "Lehrer impfen", so "Lehrer Impfung". Null when no word splits.
    /// The typo rule's last resort (<see cref="Searching.TypoRetry"/>), after the query and its typo-tolerant retry found
    /// nothing.
    /// </summary>
    /// <param name="text">The query text.</param>
    /// <param name="analyze">The index terms of a text, as the query analyzer makes them.</param>
    /// <param name="docFreq">How many articles' bodies (or titles) have a term.</param>
    public static string? Split(string text, Func<string, IReadOnlyList<string>> analyze, Func<Term, int> docFreq)
    {
        var split = text;
        var from = 0;
        foreach (var word in QuerySyntax.Parse(text).Select(WordShape.PlainWord).OfType<QueryTerm>())
        {
            var at = split.IndexOf(word.Text, from, StringComparison.Ordinal);
            if (at < 0 || analyze(word.Text) is not [var whole] || Articles(docFreq, whole) > 0
                || Parts(word.Text, [whole], analyze, docFreq, int.MaxValue) is not { } parts)
            {
                continue;
            }

            if (char.IsUpper(word.Text[0]))
            {
                // A noun typed capitalised ends in a noun: "Lehrer Impfung", as the did-you-mean shows it.
                var second = parts.IndexOf(' ') + 1;
                parts = string.Concat(parts.AsSpan(0, second), char.ToUpperInvariant(parts[second]).ToString(), parts.AsSpan(second + 1));
            }

            split = string.Concat(split.AsSpan(0, at), parts, split.AsSpan(at + word.Text.Length));
            from = at + parts.Length;
        }

        return ReferenceEquals(split, text) ? null : split;
    }

    private static int Articles(Func<Term, int> docFreq, string term) =>
        docFreq(new Term(ArticleFields.Body, term)) + docFreq(new Term(ArticleFields.Title, term));
}
