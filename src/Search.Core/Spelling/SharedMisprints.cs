using Lucene.Net.Index;
using Search.Core.Documents;
using Search.Core.Ranking;

namespace Search.Core.Spelling;

/// <summary>
/// A misprint several articles share: a word in more than two articles but at most
/// <see cref="RankingWeights.SharedMisprintArticles"/>, most of them beside the query's other words, corrected to the
/// word one edit away that is with those words in ten times as many articles as the word itself is, and in ten at least.
/// Seven articles print "Guiseppe Conte", 199 "Giuseppe Conte"; four "Peter Altmeier", hundreds "Peter Altmaier".
/// <see cref="Suggestions.DidYouMean"/> leaves such words alone (it corrects words in at most two articles, and only when
/// fewer than three articles have every word), so the few misprinted articles led the results.
/// </summary>
/// <remarks>
/// Unlike <see cref="Suggestions.DidYouMean"/>, a headline's word is corrected too (one of the seven headlines says
/// "Guiseppe"): the ratio is the evidence, and the typo-tolerant search of the correction still finds the articles that
/// print the word as typed. Each guard below came from a wrong correction among the 4,500 known items of seeds 61-63 and
/// 9,625 other queries (bench/results/2026-12-07.md).
/// </remarks>
internal static class SharedMisprints
{
    /// <summary>The fewest letters a word's index term needs for the word to be taken for a misprint: one edit in a
    /// shorter stem often makes another word ("Darts-WM" is no "darf-WM"; "Brömer", a name in 14 articles, is stemmed
    /// brom, one edit from brot).</summary>
    private const int MinLetters = 6;

    /// <summary>How many of the commonest words one edit away are counted with the other words.</summary>
    private const int CandidatesCounted = 5;

    /// <summary>The query with its shared misprints corrected, written as the articles write the corrections, and the
    /// corrections' index terms; null when it has none.</summary>
    /// <param name="text">The query text.</param>
    /// <param name="typed">The query's words as typed with their index terms (<see cref="TypedWords"/>, which the search
    /// reads anyway: no second analysis); none for a query with syntax.</param>
    /// <param name="reader">The index whose vocabulary suggests the words.</param>
    /// <param name="docFreq">How many articles have a term (the search's own lookups).</param>
    /// <param name="most">The most articles a misprint may be in (<see cref="RankingWeights.SharedMisprintArticles"/>).</param>
    public static (string Text, IReadOnlySet<string> Terms)? Correct(string text, TypedWords typed, IndexReader reader, Func<Term, int> docFreq, int most)
    {
        if (typed.Count < 2)
        {
            return null;
        }

        var words = typed.Words.ToList();
        var suggestion = text;
        var corrected = new HashSet<string>(StringComparer.Ordinal);
        var from = 0;
        foreach (var (indexTerm, written) in words)
        {
            var known = indexTerm.Length >= MinLetters ? Suggestions.Articles(docFreq, indexTerm) : 0;
            var others = words.Where(word => word.Term != indexTerm).Select(word => word.Term).Distinct(StringComparer.Ordinal).ToList();
            var at = suggestion.IndexOf(written, from, StringComparison.Ordinal);
            if (known <= Suggestions.KnownWordArticles || known > most || others.Count == 0 || at < 0)
            {
                continue;
            }

            // A name misprinted in the reports of one story stands with the story's other words: seven of the eight
            // articles that print "Guiseppe" have "Conte". A word of its own seldom does when the query was not made
            // from it ("Zehn Tausende bersten", words copied from one article, is no "besten"). Counted first: the few
            // articles of the word lead, so it is cheap, and most words stop here.
            var together = Suggestions.Together(reader, ArticleFields.Body, indexTerm, others);
            if (together * 2 < known)
            {
                continue;
            }

            // Then the words one edit away in enough articles to be with the other words in ten times as many. A letter
            // more or less at the end is an inflection the stemmer left apart ("Erlaubnisse": erlaubniss, not
            // erlaubnis) or a cut it made ("Alkoholtest": alkoholt), not a misprint.
            var least = Math.Max(Suggestions.OutnumberedTogether, Suggestions.OutnumberedTogether * together);
            var candidates = Suggestions.Candidates(reader, indexTerm, TypoDistance.TypedUmlauts(indexTerm, written), edits: 1, minArticles: least, anyFirstLetter: false)
                .Where(candidate => !candidate.StartsWith(indexTerm, StringComparison.Ordinal) && !indexTerm.StartsWith(candidate, StringComparison.Ordinal))
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var (correction, with) = candidates.Take(CandidatesCounted)
                .Select(candidate => (candidate, with: Suggestions.Together(reader, ArticleFields.Body, candidate, others)))
                .MaxBy(c => c.with);
            if (with < least)
            {
                continue;
            }

            var printed = Suggestions.WrittenForm(reader, correction, written) ?? correction;
            if (char.IsUpper(written[0]) && !char.IsUpper(printed[0]))
            {
                // A name or noun is misprinted as a name or noun: "Darts" (in nine articles) is no misprint of "darf".
                continue;
            }

            suggestion = string.Concat(suggestion.AsSpan(0, at), printed, suggestion.AsSpan(at + written.Length));
            from = at + printed.Length;
            corrected.Add(correction);
        }

        return corrected.Count > 0 ? (suggestion, corrected) : null;
    }
}
