using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Paging;
using Search.Core.Querying;

namespace Search.Core.Ranking;

/// <summary>
/// When a query has only a few articles with every word, leading the ranking and all on the first page (every match, or
/// the few that come first when the query lets an article miss a word), and the best-scoring one does not print every
/// query word exactly as typed, the first that does comes first (the others keep their order): a reader who copies words from an
/// article ("Ruhestand Württembergs Auszeit") means the article that prints them so, not one with other forms of them
/// that BM25 happens to prefer. With many matches the order is the score's alone: there the words are a topic, and other
/// forms of them count as much.
/// </summary>
/// <remarks>
/// The articles are read from the stored text in score order until one has the words, most often the first: the
/// searches with 2-9 matches took 0.13-0.20 ms instead of 0.08-0.09 (ten of the peers' queries in a loop). Reading every
/// match to move all that have the words up took 0.40-0.49 ms, for the same known-item figures within 0.003.
/// </remarks>
internal static class AsTypedFirst
{
    /// <summary>Whether the rule can apply to <paramref name="request"/>: ranked by relevance, its first page, as typed
    /// (not the typo-tolerant retry), and no month, year, source or date filter (there a query has few matches because of
    /// the filter, not because its words are rare together; and reading the few articles cost the month-filtered
    /// searches' p99 0.2-0.3 ms). Whether its text is plain words is decided by <see cref="Written"/>, only when the
    /// matches are few.</summary>
    public static bool Applies(SearchRequest request, SearchPage page, bool fuzzy, RankingWeights weights) =>
        weights.AsTypedFirstBelow > 0 && request.Sort == SearchSort.Relevance && page.Skip == 0 && page.After is null && !fuzzy
        && request.Months.Count == 0 && request.Years.Count == 0 && request.Sources.Count == 0 && request.From is null && request.To is null;

    /// <summary>The words of <paramref name="text"/> as typed, without stopwords and question words; none when the text is
    /// a question or uses syntax beyond plain words (a phrase, OR, an exclusion, a prefix, a fuzzy word, a field): such a
    /// query is no copy of an article's words.</summary>
    public static IReadOnlyList<string> Written(QueryFactory queries, string text) =>
        text.Contains('?', StringComparison.Ordinal) || !QuerySyntax.Parse(text).All(IsPlainWord)
            ? []
            :
            [
                .. queries.Words(text).Select(word => word.Written)
                    .Where(word => !QueryFactory.QuestionWords.Contains(GermanNewsAnalyzer.Fold(word.ToLowerInvariant())))
                    .Distinct(StringComparer.OrdinalIgnoreCase),
            ];

    private static bool IsPlainWord(QueryClause clause) =>
        !clause.Excluded && clause.Alternatives is [{ Kind: TermKind.Word, Field: null }];

    /// <summary>The hits of <paramref name="page"/> with the first that has every word of <paramref name="words"/> placed
    /// first, when the <paramref name="leading"/> articles with every query word that lead the ranking (every match, or the
    /// few a query that lets an article miss a word puts first; 0 when they do not lead) are fewer than
    /// <paramref name="below"/> and all on the page; otherwise the page as it is.</summary>
    public static IReadOnlyList<FieldDoc> Order(IndexSearcher searcher, Func<IReadOnlyList<string>> words, IReadOnlyList<FieldDoc> page, int leading, int below)
    {
        if (leading >= below || leading < 2 || page.Count < leading || words() is not { Count: >= 2 } written)
        {
            return page;
        }

        // Read in score order until the first hit that has them: most often the first one, and then nothing moves.
        for (var i = 0; i < leading; i++)
        {
            if (HasEveryWord(ArticleDocument.FromDocument(searcher.Doc(page[i].Doc)), written))
            {
                return i == 0 ? page : [page[i], .. page.Where((_, j) => j != i)];
            }
        }

        return page;
    }

    // Every word as typed, or written together with the next or the previous query word (the reader split a compound:
    // "Wirtschafts Soziologie" for "Wirtschaftssoziologie", also with a compound's linking element or a hyphen).
    internal static bool HasEveryWord(NewsArticle article, IReadOnlyList<string> written)
    {
        var found = new bool[written.Count];
        for (var i = 0; i < written.Count; i++)
        {
            found[i] |= InArticle(article, written[i]);
            if (i + 1 < written.Count && JoinedLinks.Any(link => InArticle(article, written[i] + link + written[i + 1])))
            {
                found[i] = found[i + 1] = true;
            }
        }

        return found.All(has => has);
    }

    private static readonly string[] JoinedLinks = [.. CompoundSplitter.Links, "-"];

    private static bool InArticle(NewsArticle article, string word) =>
        Has(article.Title, word) || Has(article.Body, word) || (article.Caption is { } caption && Has(caption, word));

    // The word as a whole word of text, ignoring case.
    private static bool Has(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
