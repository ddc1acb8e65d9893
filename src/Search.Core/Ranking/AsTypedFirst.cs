using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Paging;
using Search.Core.Querying;
using Search.Core.Scoring;

namespace Search.Core.Ranking;

/// <summary>
/// When the best-scoring hit does not print every query word exactly as typed, the first that does comes first (the
/// others keep their order): a reader who copies words from an article ("Ruhestand Württembergs Auszeit") means the
/// article that prints them so, not one with other forms of them that BM25 happens to prefer. With few articles with
/// every word, leading the ranking and all on the first page (every match, or the few that come first when the query
/// lets an article miss a word), any of them may move; with more, one of the first ten hits
/// (<see cref="RankingWeights.AsTypedWithin"/>), and not a digest (<see cref="Digests"/>). Below them the order is the
/// score's alone.
/// </summary>
/// <remarks>
/// Which hits print the words is told from the body's postings (<see cref="TypedWords.MayBePrintedBy"/>), and only the
/// one that would move up is read from the stored text to confirm it: reading the text of each hit in turn cost a top-10
/// search 0.1 ms in the median. A best hit that prints another form of a word as long as the typed one passes for one
/// that prints it, and then nothing moves (body-hard known items 0.002 below reading the text).
/// </remarks>
internal static class AsTypedFirst
{
    /// <summary>Whether the rule can apply to <paramref name="request"/>: ranked by relevance, its first page, as typed
    /// (not the typo-tolerant retry), and no month, year, source or date filter (there a query has few matches because of
    /// the filter, not because its words are rare together; and reading the few articles cost the month-filtered
    /// searches' p99 0.2-0.3 ms), and not while the reader is typing its last word (<see cref="SearchRequest.PrefixLast"/>:
    /// a word half typed is printed by no article). Whether its text is plain words is decided by <see cref="Written"/>.</summary>
    public static bool Applies(SearchRequest request, SearchPage page, bool fuzzy, RankingWeights weights) =>
        (weights.AsTypedFirstBelow > 0 || weights.AsTypedWithin > 1) && request.Sort == SearchSort.Relevance && page.Skip == 0 && page.After is null && !fuzzy
        && !request.PrefixLast && request.Months.Count == 0 && request.Years.Count == 0 && request.Sources.Count == 0 && request.From is null && request.To is null;

    /// <summary>The words of <paramref name="text"/> as typed, without stopwords and the words a query need not match
    /// (question words, years: <see cref="QueryFactory.IsOptional"/>); none when the text is a question (unless
    /// <paramref name="questions"/>) or uses syntax beyond plain words (a phrase, OR, an exclusion, a prefix, a fuzzy word,
    /// a field): such a query is no copy of an article's words.</summary>
    public static TypedWords Written(QueryFactory queries, string text, bool questions = false)
    {
        var clauses = QuerySyntax.Parse(text);
        if ((!questions && QuerySyntax.IsQuestion(text)) || !clauses.All(IsPlainWord))
        {
            return TypedWords.None;
        }

        // The words an article must have, analysed at once (one pass of the analyzer).
        var words = string.Join(' ', clauses.Where(clause => !queries.IsOptional(clause)).Select(clause => clause.Alternatives[0].Text));
        return TypedWords.Of(queries, queries.Tokens(words));
    }

    private static bool IsPlainWord(QueryClause clause) =>
        WordShape.SingleWord(clause) is not null;

    /// <summary>The hits of <paramref name="page"/> with the first that prints every word of <paramref name="words"/> as
    /// typed placed first: among the <paramref name="leading"/> articles with every query word that lead the ranking
    /// (every match, or the few a query that lets an article miss a word puts first; 0 when they do not lead) when they
    /// are fewer than <see cref="RankingWeights.AsTypedFirstBelow"/> and all on the page, else among the first
    /// <see cref="RankingWeights.AsTypedWithin"/> hits, digests left out (<see cref="Digests"/>); the page as it is when
    /// the first already prints them or none does.</summary>
    public static IReadOnlyList<FieldDoc> Order(IndexSearcher searcher, TermLookups lookups, Func<TypedWords> words, IReadOnlyList<FieldDoc> page, int leading, RankingWeights weights)
    {
        var few = leading >= 2 && leading < weights.AsTypedFirstBelow && page.Count >= leading;
        var read = few ? leading : Math.Min(weights.AsTypedWithin, page.Count);
        if (read < 2 || words() is not { Count: >= 2 } typed)
        {
            return page;
        }

        // The postings tell which may print the words: most often the first, and then nothing moves. The text is read
        // only to confirm the one that would move up.
        if (typed.MayBePrintedBy(searcher.IndexReader, lookups, [page[0].Doc])[0])
        {
            return page;
        }

        // Among many matches, a digest is not moved up: it prints any few words somewhere.
        var longest = few ? null : Digests.Longest(lookups.CollectionStatistics(searcher, ArticleFields.Body), weights.AllWordsFirstLongest);
        var may = typed.MayBePrintedBy(searcher.IndexReader, lookups, [.. page.Skip(1).Take(read - 1).Select(hit => hit.Doc)]);
        for (var i = 1; i < read; i++)
        {
            if (may[i - 1] && !Digests.IsDigest(searcher, page[i].Doc, longest) && typed.PrintedBy(searcher, page[i].Doc))
            {
                return [page[i], .. page.Where((_, j) => j != i)];
            }
        }

        return page;
    }
}
