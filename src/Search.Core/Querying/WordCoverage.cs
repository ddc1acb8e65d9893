using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// Which words of a longer query an article must have, when the words weigh differently: each word weighs its inverse
/// document frequency (BM25's idf), and an article must have words that carry at least a share of the query's weight.
/// "Wie läuft die Berlinale 2021 ab?" then needs "Berlinale" (an article with "läuft", "2021" and "ab" is about
/// something else), and may miss "läuft" and "ab" (an article about the Berlinale 2021 need not say them).
/// </summary>
internal static class WordCoverage
{
    /// <summary>Queries with more words are left to the count of words: the sets grow as the binomial coefficients, and
    /// each is a conjunction that a search runs (a ten-word query took 108 ms against 7 with the count, a six-word one
    /// 11.9 against 3.5). Every topic of bench/relevance but one has at most four words, and that one ranks alike.</summary>
    public const int MaxWords = 4;

    /// <summary>
    /// The smallest sets of words (indexes into <paramref name="weights"/>) that carry <paramref name="share"/> of the
    /// summed weight: an article must have every word of one of them. Null when these are the sets of all words but
    /// <paramref name="missing"/> (which a count of words says more cheaply), or the query has too many words or no weight.
    /// </summary>
    /// <param name="weights">Each word's weight (0 for a word no article has: it is never needed).</param>
    /// <param name="share">The share of the summed weight an article's words must carry, in (0, 1].</param>
    /// <param name="missing">The words a count of words would let an article miss.</param>
    public static IReadOnlyList<int[]>? MinimalSets(IReadOnlyList<double> weights, double share, int missing)
    {
        var count = weights.Count;
        var total = weights.Sum();
        if (count is 0 or > MaxWords || !(total > 0))
        {
            return null;
        }

        // A small tolerance, so that a set weighing exactly the share (summed in another order) is enough.
        var need = (share * total) - (1e-9 * total);
        bool Enough(int set) => Weight(weights, set) >= need;

        var minimal = new List<int[]>();
        for (var set = 1; set < 1 << count; set++)
        {
            if (Enough(set) && !Enumerable.Range(0, count).Any(word => (set & (1 << word)) != 0 && Enough(set & ~(1 << word))))
            {
                minimal.Add([.. Enumerable.Range(0, count).Where(word => (set & (1 << word)) != 0)]);
            }
        }

        var counted = missing >= 0 && missing < count && minimal.Count == Binomial(count, missing) && minimal.All(set => set.Length == count - missing);
        return counted ? null : minimal;
    }

    /// <summary>
    /// The words an article must have, as a query: any of <paramref name="sets"/> (<see cref="MinimalSets"/>), each with
    /// every one of its words. As a filter it costs no clauses of the budget (<see cref="ClauseBudget"/>): it repeats the
    /// words' terms, which a search looks up once (<see cref="Scoring.TermLookups"/>).
    /// </summary>
    /// <param name="words">The words' queries, indexed by the sets.</param>
    /// <param name="sets">The sets of words, at least two (one set is better made required words of the match).</param>
    public static BooleanQuery AnySet(IReadOnlyList<Query> words, IReadOnlyList<int[]> sets)
    {
        var anySet = new BooleanQuery(disableCoord: true);
        foreach (var set in sets)
        {
            var every = new BooleanQuery(disableCoord: true);
            foreach (var word in set)
            {
                every.Add(words[word], Occur.MUST);
            }

            anySet.Add(every, Occur.SHOULD);
        }

        return anySet;
    }

    /// <summary>The weight of a word that <paramref name="articles"/> of <paramref name="allArticles"/> have: BM25's idf, 0
    /// for a word no article has.</summary>
    public static double Weight(int articles, int allArticles) =>
        articles <= 0 ? 0 : ArticleSimilarity.Idf(articles, allArticles);

    private static double Weight(IReadOnlyList<double> weights, int set)
    {
        var sum = 0.0;
        for (var word = 0; word < weights.Count; word++)
        {
            if ((set & (1 << word)) != 0)
            {
                sum += weights[word];
            }
        }

        return sum;
    }

    private static long Binomial(int n, int k)
    {
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
