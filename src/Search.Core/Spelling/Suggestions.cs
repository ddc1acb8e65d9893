using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Spelling;

/// <summary>
/// "Did you mean": for each query word that no article has, the index word one or two edits away (Lucene's Levenshtein
/// automata via <see cref="FuzzyTermsEnum"/> over the body's terms) with the fewest edits that the query's other words
/// agree with most, else the most frequent, written as the articles write it ("bundestg" → "Bundestag").
/// </summary>
/// <remarks>
/// A word some article prints is not corrected, as Lucene's <c>DirectSpellChecker</c> and Elasticsearch's term
/// suggester do by default. Correcting words in one or two articles to a word five times as common gave, over the
/// peers' 200 queries and the 2,700 known-item queries, far more wrong suggestions than right ones ("Stephen Hendry" →
/// "Henry", "Touring" → "Thüringen", "Sommerblues" → "Sommerpause") and searched them instead. Such a word is corrected
/// only when no article has it together with the query's other words and at least three have the correction with them: a
/// misspelt name beside the words of its story ("Navalny Haft Russland"). A query copied from an article keeps its
/// rare words, since that article has them all, unless the word looks misprinted there: it is in no headline, and a word
/// one edit away is with the other words in ten times as many articles (ten at least): "Tönnis Fleischfabrik" (one
/// article; "Tönnies" with "Fleischfabrik" in over a hundred), "Netanyahu Proteste" (two; "Netanjahu" in 58). Over the
/// 5,010 queries of the topics, the known items and the peers' timing set, that corrects five, all rightly; allowing two
/// edits also turned "Wochen Ende Rezitation" (a known item) into "Reputation", and requiring the articles that print
/// the word to print the correction too kept "Netanyahu" and "Tischenreuth".
/// </remarks>
internal static class Suggestions
{
    /// <summary>A word found in more articles than this is taken as spelt right.</summary>
    internal const int KnownWordArticles = 2;

    /// <summary>The fewest letters a query word needs to be matched with edits in the typo-tolerant retry.</summary>
    public const int FuzzyMinLetters = 5;

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

    internal static int Articles(Func<Term, int> docFreq, string term) =>
        docFreq(new Term(ArticleFields.Body, term)) + docFreq(new Term(ArticleFields.Title, term));

    /// <summary>The query with each word no article has replaced by the closest word articles have, or null when there
    /// is none. With other words beside it, a word is corrected to the candidate the other words agree with (found in
    /// the most articles together with them: "Tegnel Schweden" is Tegnell, not the more frequent Tegel), and a word one
    /// or two articles print is corrected too when no article has it with the other words and several have a candidate
    /// with them ("Navalny Haft Russland": Nawalny).</summary>
    /// <param name="text">The query text.</param>
    /// <param name="reader">The index whose vocabulary suggests the words.</param>
    /// <param name="docFreq">How many articles have a term (the search's own lookups, or the reader's).</param>
    /// <param name="queries">Analyses the words as the query does.</param>
    public static string? DidYouMean(string text, IndexReader reader, Func<Term, int> docFreq, QueryFactory queries)
    {
        var suggestion = text;
        var changed = false;
        var from = 0;
        var words = QuerySyntax.Parse(text).Where(clause => !clause.Excluded).SelectMany(clause => clause.Alternatives)
            .Where(term => term.Kind == TermKind.Word)
            .SelectMany(term => queries.Words(term.Text))
            .ToList();
        foreach (var (indexTerm, typed) in words)
        {
            if (typed.Length < FuzzyMinLetters)
            {
                continue;
            }

            var known = Articles(docFreq, indexTerm);
            var others = words.Where(word => word.Term != indexTerm).Select(word => word.Term).Distinct(StringComparer.Ordinal).ToList();
            if (known > KnownWordArticles || (known > 0 && others.Count == 0))
            {
                continue;
            }

            // A headline's word is chosen, not misprinted ("Architektouren", "So trackt Europa das Virus"): it stays when
            // an article has it with the other words. That is first read from the headlines' and the bodies' postings,
            // which settles most such words (a search of every field and compound part costs a tenth of a millisecond).
            var inHeadline = known > 0 && docFreq(new Term(ArticleFields.Title, indexTerm)) > 0;
            if (inHeadline && (Together(reader, ArticleFields.Title, indexTerm, others) > 0 || Together(reader, ArticleFields.Body, indexTerm, others) > 0))
            {
                continue;
            }

            // Another word the index knows stays when an article has it with the other words, unless a word one edit away
            // is with them in far more articles: "Tönnis Fleischfabrik" is in one article (which also prints "Tönnies"
            // eight times), "Tönnies" with "Fleischfabrik" in over a hundred. Two edits away, such a word is more often
            // a word of its own ("Wochen Ende Rezitation" is no "Reputation").
            var together = known > 0 ? Together(new IndexSearcher(reader), indexTerm, others, every: true) : 0;
            if (together > 0 && inHeadline)
            {
                continue;
            }

            var candidates = Candidates(reader, indexTerm, TypoDistance.TypedUmlauts(indexTerm, typed), typed.Length >= 8 && together == 0 ? 2 : 1, minArticles: 1);
            var correction = known == 0 ? Agreed(reader, candidates, others)
                : AgreedOverTyped(reader, candidates, others, together == 0 ? AgreementOverTyped : Math.Max(OutnumberedTogether, together * OutnumberedTogether));
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

        return changed ? suggestion : null;
    }

    /// <summary>How many of the most likely candidates (fewest edits, then most articles) are checked against the other
    /// words.</summary>
    private const int CandidatesInContext = 5;

    /// <summary>A word one or two articles print is corrected only when no article has it with every other word, and a
    /// candidate is found with every other word in at least this many articles.</summary>
    private const int AgreementOverTyped = 3;

    /// <summary>A word one or two articles print with every other word is corrected only when a candidate is with them
    /// in this many times as many articles, and in this many at least.</summary>
    internal const int OutnumberedTogether = 10;

    // The candidate the other words agree with most (in the most articles together with every other word, then with any
    // of them); without other words, or when none agrees, the most likely one.
    private static string? Agreed(IndexReader reader, List<string> candidates, List<string> others)
    {
        if (candidates.Count <= 1 || others.Count == 0)
        {
            return candidates.Count > 0 ? candidates[0] : null;
        }

        var searcher = new IndexSearcher(reader);
        return candidates.Take(CandidatesInContext)
            .Select((candidate, rank) => (candidate, rank, every: Together(searcher, candidate, others, every: true), any: Together(searcher, candidate, others, every: false)))
            .OrderByDescending(c => c.every).ThenByDescending(c => c.any).ThenBy(c => c.rank)
            .First().candidate;
    }

    // The candidate the other words agree with far more than with the word as typed (in at least `least` articles with
    // every other word: DidYouMean sets it from the articles that have the word as typed with them), or null.
    private static string? AgreedOverTyped(IndexReader reader, List<string> candidates, List<string> others, int least)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var searcher = new IndexSearcher(reader);
        var (best, together) = candidates.Take(CandidatesInContext)
            .Select(candidate => (candidate, together: Together(searcher, candidate, others, every: true)))
            .MaxBy(c => c.together);
        return together >= least ? best : null;
    }

    // The articles with the term and every (or any) of the other words, in the title or the body.
    private static int Together(IndexSearcher searcher, string term, List<string> others, bool every)
    {
        var query = new BooleanQuery { { InTitleOrBody(term), Occur.MUST } };
        if (every)
        {
            foreach (var other in others)
            {
                query.Add(InTitleOrBody(other), Occur.MUST);
            }
        }
        else
        {
            var any = new BooleanQuery();
            foreach (var other in others)
            {
                any.Add(InTitleOrBody(other), Occur.SHOULD);
            }

            query.Add(any, Occur.MUST);
        }

        var count = new TotalHitCountCollector();
        searcher.Search(query, count);
        return count.TotalHits;
    }

    /// <summary>The articles whose <paramref name="field"/> has <paramref name="term"/> and every one of
    /// <paramref name="others"/>, whole: the term's postings leading, the others' advanced to each of them. Cheap when the
    /// term is rare; a lower bound of the articles with the words in any field or compound part.</summary>
    internal static int Together(IndexReader reader, string field, string term, List<string> others)
    {
        var count = 0;
        foreach (var leaf in reader.Leaves)
        {
            var words = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            var live = leaf.AtomicReader.LiveDocs;
            var lead = Docs(words, live, term);
            var rest = others.Select(other => Docs(words, live, other)).ToList();
            if (lead is null || rest.Any(docs => docs is null))
            {
                continue;
            }

            for (var doc = lead.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = lead.NextDoc())
            {
                if (rest.TrueForAll(docs => (docs!.DocID < doc ? docs.Advance(doc) : docs.DocID) == doc))
                {
                    count++;
                }
            }
        }

        return count;

        // The live articles with the term, without its frequencies and positions.
        static DocsEnum? Docs(TermsEnum? words, IBits? live, string term) =>
            words is not null && words.SeekExact(new BytesRef(term)) ? words.Docs(live, null, DocsFlags.NONE) : null;
    }

    // The word in the title or the body, on its own or as part of a compound.
    private static BooleanQuery InTitleOrBody(string term) => new()
    {
        { new TermQuery(new Term(ArticleFields.Title, term)), Occur.SHOULD },
        { new TermQuery(new Term(ArticleFields.Body, term)), Occur.SHOULD },
        { new TermQuery(new Term(ArticleFields.Title, CompoundPartMarkFilter.PartTerm(term))), Occur.SHOULD },
        { new TermQuery(new Term(ArticleFields.Body, CompoundPartMarkFilter.PartTerm(term))), Occur.SHOULD },
    };

    // The index terms within `edits` of `term` that begin with its first letter, fewest edits first, then in the most
    // articles (at least minArticles); a vowel typed as an umlaut and spelt otherwise counts two edits (TypoDistance:
    // "Fährre" is Fähre, not führe). When no such term is near, the terms one edit away that may differ in the first
    // letter ("Sverev": Zverev): the first letter is kept fixed first, as it is seldom the one mistyped and a fixed
    // prefix makes the walk over the term dictionary short.
    internal static List<string> Candidates(IndexReader reader, string term, bool[]? typedUmlauts, int edits, int minArticles, bool anyFirstLetter = true)
    {
        var terms = MultiFields.GetTerms(reader, ArticleFields.Body);
        if (terms is null)
        {
            return [];
        }

        var found = Candidates(terms, term, typedUmlauts, edits, prefixLength: 1, minArticles);
        return found.Count > 0 || !anyFirstLetter ? found : Candidates(terms, term, typedUmlauts, edits: 1, prefixLength: 0, minArticles);
    }

    private static List<string> Candidates(Terms terms, string term, bool[]? typedUmlauts, int edits, int prefixLength, int minArticles)
    {
        var atts = new AttributeSource();
        LevenshteinCache.Prime(atts, term, edits, prefixLength, transpositions: true);
        var candidates = new FuzzyTermsEnum(terms, atts, new Term(ArticleFields.Body, term), edits, prefixLength, transpositions: true);
        var found = new List<(string Term, int Edits, int Articles)>();
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
            if (distance <= edits)
            {
                found.Add((candidate, distance, articles));
            }
        }

        return [.. found.OrderBy(c => c.Edits).ThenByDescending(c => c.Articles).ThenBy(c => c.Term, StringComparer.Ordinal).Select(c => c.Term)];
    }

    /// <summary>The most articles whose places of a corrected word are read for the form closest to what was typed.</summary>
    private const int WrittenFormArticles = 256;

    // How an article writes the word: of the places the articles that have it use it (the body's stored offsets), the
    // form closest to what the user typed ("Bundestag" rather than "Bundestages" for "Bundestg"), an umlaut typed and
    // printed as another vowel counting two edits (TypoDistance). Articles are read in index order until a form one
    // edit away turns up, at most WrittenFormArticles of them: a word's forms may share an index term with more
    // frequent words ("Fähre" with "Fahrer" and "fahren", all "fahr"), so the first few articles need not print the one
    // the reader meant ("Fährre" is "Fähre", not "Fahrer").
    internal static string? WrittenForm(IndexReader reader, string term, string typed)
    {
        var bodyTerm = new Term(ArticleFields.Body, term);
        var fields = new HashSet<string> { ArticleFields.Body };
        var lower = typed.ToLowerInvariant();
        var umlauts = lower.Any(c => c is 'ä' or 'ö' or 'ü') ? lower.Select(c => c is 'ä' or 'ö' or 'ü').ToArray() : null;
        string? best = null;
        var bestDistance = int.MaxValue;
        var read = 0;
        foreach (var leaf in reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermPositionsEnum(bodyTerm);
            if (postings is null)
            {
                continue;
            }

            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var body = leaf.AtomicReader.Document(doc, fields).Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? string.Empty;
                for (var i = postings.Freq; i > 0; i--)
                {
                    postings.NextPosition();
                    if (postings.StartOffset < 0 || postings.EndOffset > body.Length)
                    {
                        break;
                    }

                    var written = body[postings.StartOffset..postings.EndOffset];
                    var distance = TypoDistance.Distance(lower, written.ToLowerInvariant(), umlauts);
                    if (distance < bestDistance)
                    {
                        (best, bestDistance) = (written, distance);
                    }
                }

                if (bestDistance <= 1 || ++read >= WrittenFormArticles)
                {
                    return best;
                }
            }
        }

        return best;
    }

    /// <summary>Edits (insert, delete, replace, swap neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static int EditDistance(string a, string b) => TypoDistance.Distance(a, b, umlauts: null);
}

