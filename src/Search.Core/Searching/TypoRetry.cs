using Lucene.Net.Index;
using Search.Core.Errors;
using Search.Core.Facets;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Spelling;

namespace Search.Core.Searching;

/// <summary>
/// The typo rule. A search whose words, as typed, are all in fewer than <see cref="FewHits"/> articles gets a better
/// spelling for the words the index hardly knows (<see cref="Suggestions.DidYouMean"/>). When nothing was found, the
/// query is retried with every word of <see cref="Suggestions.FuzzyMinLetters"/> letters or more also matching words
/// one or two edits away ("Rundfunkbeitrages" finds "Rundfunkbeitrags"), unless filters narrowed the search: then only
/// the words the index hardly knows, since well-known words found nothing because of the filters, not because of their
/// spelling. When little was found and there is a suggestion, the suggestion is searched with the same tolerance for the
/// words the index still hardly knows. The retry's hits are kept when more articles have every word, unless the retry
/// finds fewer than <see cref="FewHits"/> articles where the search as typed found more. When still nothing is found, a
/// compound no article has is searched as the two words it splits into (<see cref="WrittenApart.Split"/>). A search that
/// found enough articles is searched again only for a misprint several articles share beside the other words
/// (<see cref="SharedMisprints"/>). The rule depends
/// only on the query, its filters and the index, so every page agrees.
/// </summary>
internal sealed class TypoRetry(QueryFactory queries)
{
    /// <summary>A search that finds fewer articles than this is retried with typo tolerance and gets a did-you-mean.</summary>
    public const int FewHits = 3;

    /// <summary>Applies the rule to the <paramref name="run"/> of <paramref name="query"/>.</summary>
    /// <param name="request">The request (its text, whether it wants typo tolerance, its filters).</param>
    /// <param name="query">The query as typed.</param>
    /// <param name="run">Its run.</param>
    /// <param name="reader">The snapshot searched.</param>
    /// <param name="docFreq">How many articles have a term (the search's own lookups).</param>
    /// <param name="typing">The words before the word being typed and that word, with <see cref="SearchRequest.PrefixLast"/>:
    /// spelling is then about the words before it only.</param>
    /// <param name="completions">The completions the word being typed also matches.</param>
    /// <param name="retry">Runs another form of the query, given with the text it was made from (the words the reader
    /// meant).</param>
    /// <param name="written">The query's words as typed (<see cref="AsTypedFirst.Written"/>), read only when enough articles
    /// have every word, for a misprint several articles share.</param>
    /// <returns>The run and query whose hits to show, the did-you-mean, and whether they come from the retry.</returns>
    public (SearchRun Run, SearchQuery Query, string? DidYouMean, bool Fuzzy) Apply(SearchRequest request, SearchQuery query, SearchRun run,
        IndexReader reader, Func<Term, int> docFreq, (string Head, string Last)? typing, IReadOnlyList<string>? completions, Func<SearchQuery, string, SearchRun> retry, Func<TypedWords> written)
    {
        if (!request.Typos || query.Browsing)
        {
            return (run, query, null, false);
        }

        if (run.WithEveryWord >= FewHits)
        {
            return typing is null && queries.Weights.SharedMisprintArticles > 0 && SharedMisprint(request, query, run, reader, docFreq, retry, written) is { } misprint
                ? misprint
                : (run, query, null, false);
        }

        var spelt = typing?.Head ?? request.Query;
        var corrected = Suggestions.DidYouMean(spelt, reader, docFreq, queries);
        var didYouMean = corrected is null ? null : corrected + typing?.Last;
        var retryText = didYouMean ?? request.Query;
        var spellingText = corrected ?? spelt;
        var fuzzyTerms = run.WithEveryWord == 0 && !FacetFilters.Restricts(request)
            ? Suggestions.LongTerms(spellingText, docFreq, queries, int.MaxValue)
            : Suggestions.RareTerms(spellingText, docFreq, queries);
        var tolerant = didYouMean is not null || (run.WithEveryWord == 0 && fuzzyTerms.Count > 0) ? TypoTolerant(retryText, fuzzyTerms, docFreq, reader.NumDocs, completions) : null;
        if (tolerant is not null && !tolerant.Equals(query))
        {
            var retried = retry(tolerant, retryText);
            // A retry that itself finds fewer than FewHits articles does not replace a search that found more: "Was regelt
            // das Lieferkettengesetz?" has no article with both words but 15 with the heavier one, and the retry's one
            // article with both words (regelt~ matching another word) would have replaced them.
            var found = retried.Collected.Facets.TotalHits;
            if (retried.WithEveryWord > run.WithEveryWord && (found >= FewHits || found >= run.Collected.Facets.TotalHits))
            {
                return WrittenApartIfNothing((retried, tolerant, didYouMean, true));
            }
        }

        return WrittenApartIfNothing((run, query, didYouMean, false));

        // The last resort, when neither found an article: a compound no article has, searched as the two words it splits
        // into ("Lehrerimpfung": "Lehrer Impfung"), which the did-you-mean then shows. Not when something was found: the
        // phrase of "Beethovenjahr" (WrittenApart.Parts) finds the articles that write "Beethoven-Jahr", and the two words
        // anywhere would add articles that say "Beethoven" and "Jahr" apart. Built as the typo-tolerant retry is (no word
        // with edits; an article may miss a word of a longer query by a count of words, not by the words' weights).
        (SearchRun, SearchQuery, string?, bool) WrittenApartIfNothing((SearchRun Run, SearchQuery Query, string? DidYouMean, bool Fuzzy) best)
        {
            var found = best.Run.Collected.Facets.TotalHits;
            if (found > 0 || typing is not null || WrittenApart.Split(request.Query, queries.Analyze, docFreq) is not { } split
                || TypoTolerant(split, new HashSet<string>(StringComparer.Ordinal), docFreq, reader.NumDocs, completions) is not { } apart)
            {
                return best;
            }

            var retried = retry(apart, split);
            return retried.Collected.Facets.TotalHits > found ? (retried, apart, split, true) : best;
        }
    }

    // A misprint several articles share, searched as its correction (SharedMisprints), with the word as typed
    // matching too, at the score of a word one edit away (the typo-tolerant form of the corrected word): "Guiseppe Conte"
    // finds the 199 articles about Giuseppe Conte, and the seven that print "Guiseppe" among them, not those seven first.
    private (SearchRun, SearchQuery, string?, bool)? SharedMisprint(SearchRequest request, SearchQuery query, SearchRun run, IndexReader reader,
        Func<Term, int> docFreq, Func<SearchQuery, string, SearchRun> retry, Func<TypedWords> written)
    {
        // A question has no words as typed for AsTypedFirst; its words are read here on their own ("Wer ist Guiseppe
        // Conte?").
        var typed = written();
        if (typed.Count == 0 && QuerySyntax.IsQuestion(request.Query))
        {
            typed = AsTypedFirst.Written(queries, request.Query, questions: true);
        }

        if (SharedMisprints.Correct(request.Query, typed, reader, docFreq, queries.Weights.SharedMisprintArticles) is not var (text, terms)
            || TypoTolerant(text, terms, docFreq, reader.NumDocs, completions: null) is not { } tolerant || tolerant.Equals(query))
        {
            return null;
        }

        var retried = retry(tolerant, text);
        return retried.WithEveryWord > run.WithEveryWord ? (retried, tolerant, text, true) : null;
    }

    // The typo-tolerant form of the query; null when it would exceed the query limits (many long words).
    private SearchQuery? TypoTolerant(string text, IReadOnlySet<string> fuzzyTerms, Func<Term, int> docFreq, int articles, IReadOnlyList<string>? completions)
    {
        try
        {
            return queries.Create(text, fuzzyTerms, docFreq, articles, completions);
        }
        catch (SearchInputException)
        {
            return null;
        }
    }
}
