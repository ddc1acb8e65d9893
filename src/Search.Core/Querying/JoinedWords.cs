using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// The one word two query words make together, when the index knows it: "Masken Pflicht" (or "Masken-Pflicht") →
/// "Maskenpflicht", "Ausgang Beschränkungen" → "Ausgangsbeschränkungen" (with a linking s), "Home Office" →
/// "Homeoffice". Readers split compounds the articles write whole, often ones too common for the compound splitter to
/// split, and drop the s between the parts. <see cref="QueryFactory"/> lets such a pair match either both words or the
/// joined word.
/// </summary>
internal sealed class JoinedWords(Analyzer analyzer)
{
    /// <summary>The least number of articles whose body must have two query words written as one for the query to take
    /// the joined word as an alternative.</summary>
    public const int MinArticles = 2;

    /// <summary>The word two neighbouring plain words make (letters only, so each is one index term or a stopword: "Aller
    /// Heiligen" joins too, "mit dem" does not; neither excluded), or null.</summary>
    public QueryTerm? Of(QueryClause left, QueryClause right, Func<Term, int> docFreq) =>
        WordShape.PlainWord(left) is { } first && WordShape.PlainWord(right) is { } second ? Of(first, second, docFreq) : null;

    /// <summary>The word <paramref name="first"/> and <paramref name="second"/> make written as one, or joined by a linking
    /// s, whichever more articles have, when at least <see cref="MinArticles"/> have it; null otherwise. One body term
    /// looked up per way of joining.</summary>
    public QueryTerm? Of(QueryTerm first, QueryTerm second, Func<Term, int> docFreq)
    {
        if (QueryToken.Read(analyzer, first.Text).Count == 0 && QueryToken.Read(analyzer, second.Text).Count == 0)
        {
            // Two stopwords: "mit dem" is no compound, though a few articles misprint "mitdem".
            return null;
        }

        var rest = second.Text.ToLowerInvariant();
        string[] joinings = first.Text.EndsWith('s') ? [first.Text + rest] : [first.Text + rest, first.Text + "s" + rest];
        QueryTerm? best = null;
        var most = MinArticles - 1;
        foreach (var text in joinings)
        {
            if (QueryToken.Read(analyzer, text) is [var token] && docFreq(new Term(ArticleFields.Body, token.Term)) is var articles && articles > most)
            {
                (best, most) = (new QueryTerm(TermKind.Word, text), articles);
            }
        }

        return best;
    }
}
