using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Spelling;

/// <summary>
/// "Did you mean": for each query word that no article has, the most frequent index word one or two edits away
/// (Lucene's Levenshtein automata via <see cref="FuzzyTermsEnum"/> over the body's terms), written as the articles
/// write it ("bundestg" → "Bundestag").
/// </summary>
/// <remarks>
/// A word some article prints is not corrected, as Lucene's <c>DirectSpellChecker</c> and Elasticsearch's term
/// suggester do by default. Correcting words in one or two articles to a word five times as common gave, over the
/// peers' 200 queries and the 2,700 known-item queries, far more wrong suggestions than right ones ("Stephen Hendry" →
/// "Henry", "Touring" → "Thüringen", "Sommerblues" → "Sommerpause") and searched them instead.
/// </remarks>
internal static class Suggestions
{
    /// <summary>The fewest letters a query word needs to be matched with edits in the typo-tolerant retry.</summary>
    public const int FuzzyMinLetters = 5;

    /// <summary>A word found in more articles than this is taken as spelt right.</summary>
    private const int KnownWordArticles = 2;

    /// <summary>The index terms of the plain words of <paramref name="text"/> (five letters or more) that the index hardly
    /// knows: in at most two articles' titles and bodies. These are the words that may be misspelt.</summary>
    public static IReadOnlySet<string> RareTerms(string text, Func<Term, int> docFreq, QueryFactory queries) => LongTerms(text, docFreq, queries, KnownWordArticles);

    /// <summary>The index terms of the plain words of <paramref name="text"/> of five letters or more in at most
    /// <paramref name="maxArticles"/> articles' titles and bodies.</summary>
    /// <param name="text">The query text.</param>
    /// <param name="docFreq">How many articles have a term (the search's own lookups, or the reader's).</param>
    /// <param name="queries">Analyses the words as the query does.</param>
    /// <param name="maxArticles">The most articles a word may be in to count.</param>
    public static IReadOnlySet<string> LongTerms(string text, Func<Term, int> docFreq, QueryFactory queries, int maxArticles)
    {
        var rare = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in QuerySyntax.Parse(text).Where(clause => !clause.Excluded).SelectMany(clause => clause.Alternatives))
        {
            if (term.Kind != TermKind.Word)
            {
                continue;
            }

            foreach (var (indexTerm, typed) in queries.Words(term.Text))
            {
                if (typed.Length >= FuzzyMinLetters && (maxArticles == int.MaxValue || Articles(docFreq, indexTerm) <= maxArticles))
                {
                    rare.Add(indexTerm);
                }
            }
        }

        return rare;
    }

    private static int Articles(Func<Term, int> docFreq, string term) =>
        docFreq(new Term(ArticleFields.Body, term)) + docFreq(new Term(ArticleFields.Title, term));

    /// <summary>The query with each word no article has replaced by the closest word articles have, or null when there
    /// is none.</summary>
    /// <param name="text">The query text.</param>
    /// <param name="reader">The index whose vocabulary suggests the words.</param>
    /// <param name="docFreq">How many articles have a term (the search's own lookups, or the reader's).</param>
    /// <param name="queries">Analyses the words as the query does.</param>
    public static string? DidYouMean(string text, IndexReader reader, Func<Term, int> docFreq, QueryFactory queries)
    {
        var suggestion = text;
        var changed = false;
        var from = 0;
        foreach (var term in QuerySyntax.Parse(text).Where(clause => !clause.Excluded).SelectMany(clause => clause.Alternatives))
        {
            if (term.Kind != TermKind.Word)
            {
                continue;
            }

            foreach (var (indexTerm, typed) in queries.Words(term.Text))
            {
                if (typed.Length < FuzzyMinLetters)
                {
                    continue;
                }

                var known = Articles(docFreq, indexTerm);
                if (known > 0)
                {
                    continue;
                }

                var correction = Closest(reader, indexTerm, TypoDistance.TypedUmlauts(indexTerm, typed), typed.Length >= 8 ? 2 : 1, minArticles: 1);
                var at = suggestion.IndexOf(typed, from, StringComparison.Ordinal);
                if (correction is null || at < 0)
                {
                    continue;
                }

                var written = WrittenForm(reader, correction, typed) ?? correction;
                suggestion = string.Concat(suggestion.AsSpan(0, at), written, suggestion.AsSpan(at + typed.Length));
                from = at + written.Length;
                changed = true;
            }
        }

        return changed ? suggestion : null;
    }

    // The index term within `edits` of `term` with the fewest edits, then in the most articles (at least minArticles); a
    // vowel typed as an umlaut and spelt otherwise counts two edits (TypoDistance: "Fährre" is Fähre, not führe).
    private static string? Closest(IndexReader reader, string term, bool[]? typedUmlauts, int edits, int minArticles)
    {
        var terms = MultiFields.GetTerms(reader, ArticleFields.Body);
        if (terms is null)
        {
            return null;
        }

        var atts = new AttributeSource();
        LevenshteinCache.Prime(atts, term, edits, prefixLength: 1, transpositions: true);
        var candidates = new FuzzyTermsEnum(terms, atts, new Term(ArticleFields.Body, term), edits, prefixLength: 1, transpositions: true);
        string? best = null;
        var (bestEdits, bestArticles) = (int.MaxValue, 0);
        while (candidates.MoveNext())
        {
            var candidate = candidates.Term.Utf8ToString();
            var articles = candidates.DocFreq;
            // A compound part (§kontakt) is no word to suggest.
            if (candidate == term || articles < minArticles || candidate[0] == CompoundPartMarkFilter.Marker)
            {
                continue;
            }

            var distance = TypoDistance.Distance(term, candidate, typedUmlauts);
            if (distance > edits)
            {
                continue;
            }

            if (distance < bestEdits || (distance == bestEdits && articles > bestArticles))
            {
                (best, bestEdits, bestArticles) = (candidate, distance, articles);
            }
        }

        return best;
    }

    // How an article writes the word: of the places the first articles that have it use it (the body's stored offsets),
    // the form closest to what the user typed ("Bundestag" rather than "Bundestages" for "Bundestg").
    private static string? WrittenForm(IndexReader reader, string term, string typed)
    {
        var searcher = new IndexSearcher(reader);
        var bodyTerm = new Term(ArticleFields.Body, term);
        var fields = new HashSet<string> { ArticleFields.Body };
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var hit in searcher.Search(new TermQuery(bodyTerm), 3).ScoreDocs)
        {
            var leaf = reader.Leaves[ReaderUtil.SubIndex(hit.Doc, reader.Leaves)];
            var postings = leaf.AtomicReader.GetTermPositionsEnum(bodyTerm);
            if (postings is null || postings.Advance(hit.Doc - leaf.DocBase) != hit.Doc - leaf.DocBase)
            {
                continue;
            }

            var body = searcher.Doc(hit.Doc, fields).Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? string.Empty;
            for (var i = postings.Freq; i > 0; i--)
            {
                postings.NextPosition();
                if (postings.StartOffset < 0 || postings.EndOffset > body.Length)
                {
                    break;
                }

                var written = body[postings.StartOffset..postings.EndOffset];
                var distance = EditDistance(typed.ToLowerInvariant(), written.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (written, distance);
                }
            }
        }

        return best;
    }

    /// <summary>Edits (insert, delete, replace, swap neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static int EditDistance(string a, string b) => TypoDistance.Distance(a, b, umlauts: null);
}

