using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Ranking;
using Search.Core.Scoring;
using Search.Core.Spelling;

namespace Search.Core.Querying;

/// <summary>
/// The Lucene query of one word, phrase, prefix or fuzzy word of the query text (<see cref="QueryTerm"/>), over title,
/// body and caption with the weights of <see cref="RankingWeights"/>: a word in any inflection, whole and as a compound
/// part, scored over its fields as one text (<see cref="CombinedFieldQuery"/>); a phrase, prefix or fuzzy word by its
/// best field (<see cref="BestMatchQuery"/>); in the typo-tolerant retry, a word also matching words one or two edits
/// away (<see cref="CachedFuzzyQuery"/>). <see cref="QueryFactory"/> combines them.
/// </summary>
internal sealed class WordQueries
{
    /// <summary>Longer words are not matched with edits: their Levenshtein automata are costly and they are rarely misspelt alike.</summary>
    public const int MaxFuzzyLength = 40;

    private readonly Analyzer _analyzer;
    private readonly RankingWeights _weights;
    private readonly string[] _fields;
    private readonly IReadOnlyDictionary<string, float> _fieldWeights;

    /// <param name="analyzer">Analyses query words; it must not split compounds (parts are matched as part terms instead).</param>
    /// <param name="weights">The ranking's weights.</param>
    public WordQueries(Analyzer analyzer, RankingWeights weights)
    {
        _analyzer = analyzer;
        _weights = weights;
        _fieldWeights = weights.FieldWeights;
        _fields = [.. _fieldWeights.Keys];
    }

    /// <summary>The query of a plain word of the user's in every searched field (as the analyzer gives it).</summary>
    public CombinedFieldQuery Word(string term) => Word(term, _fields, excluded: false, _weights, _fieldWeights);

    /// <summary>The query of <paramref name="term"/>, or null when it has no word to search (only stopwords or
    /// punctuation).</summary>
    /// <param name="term">The word, phrase, prefix or fuzzy word.</param>
    /// <param name="excluded">True when it is excluded: a word then matches only whole, in one form.</param>
    /// <param name="fuzzyTerms">The index terms that also match words one or two edits away (the typo-tolerant retry).</param>
    /// <param name="docFreq">The index's article count of a term, or null without the index at hand.</param>
    /// <param name="limits">The limits of prefixes and fuzzy words.</param>
    /// <exception cref="SearchInputException">A prefix is shorter than <see cref="QueryLimits.MinPrefixLength"/>.</exception>
    public Query? Build(QueryTerm term, bool excluded, IReadOnlySet<string>? fuzzyTerms, Func<Term, int>? docFreq, QueryLimits limits)
    {
        var fields = term.Field is null ? _fields : [term.Field];
        switch (term.Kind)
        {
            case TermKind.Phrase:
                return Phrase(term.Text, fields);
            case TermKind.Prefix:
                var prefix = GermanNewsAnalyzer.Fold(term.Text);
                if (prefix.Length < limits.MinPrefixLength)
                {
                    throw new SearchInputException("prefix_too_short", "q", string.Create(CultureInfo.InvariantCulture,
                        $"q: '{term.Text}*' needs at least {limits.MinPrefixLength} characters before *; a shorter prefix matches too many words."));
                }

                return PerField(fields, field => new PrefixQuery(new Term(field, prefix)) { MultiTermRewriteMethod = new CappedExpansionRewrite(limits.MaxTermExpansions) });
            case TermKind.Fuzzy when term.Text.Length <= MaxFuzzyLength:
                return Fuzzy(GermanNewsAnalyzer.Fold(term.Text), term.Edits, fields, limits);
            case TermKind.Fuzzy:
                return Build(term with { Kind = TermKind.Word }, excluded, fuzzyTerms, docFreq, limits);
            default:
                var tokens = QueryToken.Read(_analyzer, term.Text);
                if (tokens.Count == 0)
                {
                    return null;
                }

                // "Corona-Impfstoff" is two words; each must match. A dotted word ("St.Wendel") matches whole or by all
                // of its parts, which the analyzer puts at its position ("St. Wendel"). A word the analyzer gives
                // another form ("Autos": autos and auto; "Konzern": konz and konzern) matches in either (One).
                var words = tokens.GroupBy(token => token.Position).Select(group =>
                {
                    var whole = One(group.First());
                    return group.Count() == 1 || excluded ? whole : Any(new Query[] { whole, All(group.Skip(1).Select(One)) });
                }).ToList();
                if (words.Count > 1 && !excluded && tokens.Any(token => token.Original.Length == 1))
                {
                    // "S-Bahn", "E-Mail": a part of one letter says nothing on its own (the "S" of "Model S" or "S. 4"), so
                    // the parts must also stand side by side. A filter: the parts score as before.
                    words.Add(new ConstantScoreQuery(Phrase(tokens, fields)) { Boost = 0 });
                }

                return words.Count == 1 ? words[0] : All(words);

                Query One(QueryToken token)
                {
                    var letters = token.Original.Length;
                    var tolerant = fuzzyTerms is not null && fuzzyTerms.Contains(token.Term) && letters <= MaxFuzzyLength && !excluded;
                    Query word = tolerant ? Tolerant(token.Term, TypoDistance.TypedUmlauts(token.Term, token.Original), letters >= 8 ? 2 : 1, fields, limits) : Word(token.Term, fields, excluded, _weights, _fieldWeights);
                    if (token.OtherForm is null)
                    {
                        return word;
                    }

                    // The index adds the other form wherever the word itself stands, so the form more articles have
                    // matches (nearly) every article either form matches ("Probleme" has problem, "Problem" probl and
                    // problem): that form alone is searched. Two forms of a common word cost four times as much as
                    // one, which its score table serves (CommonWords).
                    if (docFreq is not null && !excluded && !tolerant)
                    {
                        return docFreq(new Term(ArticleFields.Body, token.OtherForm)) > docFreq(new Term(ArticleFields.Body, token.Term))
                            ? Word(token.OtherForm, fields, excluded, _weights, _fieldWeights)
                            : word;
                    }

                    return Any(new Query[] { word, Word(token.OtherForm, fields, excluded, _weights, _fieldWeights) });
                }
        }
    }

    // The word in each field, and (unless excluded: "-Impfstoff" drops articles that say Impfstoff, not every compound)
    // as a compound part, scored over all of them as one text (CombinedFieldQuery).
    public static CombinedFieldQuery Word(string term, string[] fields, bool excluded, RankingWeights weights, IReadOnlyDictionary<string, float> fieldWeights)
    {
        var combined = new CombinedFieldQuery(fields.Length == fieldWeights.Count ? fieldWeights : fields.ToDictionary(field => field, field => fieldWeights[field], StringComparer.Ordinal));
        foreach (var field in fields)
        {
            combined.Add(new TermQuery(new Term(field, term)) { Boost = fieldWeights[field] });
            if (!excluded && field != ArticleFields.Caption)
            {
                combined.Add(new CompoundPartQuery(new Term(field, CompoundPartMarkFilter.PartTerm(term)), new Term(field, term)) { Boost = fieldWeights[field] * weights.CompoundPartWeight });
            }
        }

        return combined;
    }

    private BestMatchQuery Fuzzy(string term, int edits, string[] fields, QueryLimits limits) =>
        PerField(fields, field => new CachedFuzzyQuery(new Term(field, term), Math.Clamp(edits, 0, 2), limits.FuzzyPrefixLength)
        {
            MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(limits.MaxFuzzyExpansions),
        });

    // The word as typed (whole or as a part), or a word `edits` away. A near word adds a small score that depends only on
    // how near it is: scored by BM25, a rare misspelling in one article would outrank the common word the user meant.
    // A vowel typed as an umlaut and spelt otherwise counts two edits (TypoDistance).
    private BooleanQuery Tolerant(string term, bool[]? typedUmlauts, int edits, string[] fields, QueryLimits limits)
    {
        var any = new BooleanQuery(disableCoord: true) { { Word(term, fields, excluded: false, _weights, _fieldWeights), Occur.SHOULD } };
        foreach (var field in fields)
        {
            any.Add(new CachedFuzzyQuery(new Term(field, term), edits, limits.FuzzyPrefixLength, typedUmlauts)
            {
                Boost = _weights.TypoWeight,
                MultiTermRewriteMethod = new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(limits.MaxFuzzyExpansions),
            }, Occur.SHOULD);
        }

        return any;
    }

    private BestMatchQuery? Phrase(string text, string[] fields) =>
        QueryToken.Read(_analyzer, text) is { Count: > 0 } tokens ? Phrase(tokens, fields) : null;

    // The tokens as a phrase in each field (one token: a term), each at its position.
    private BestMatchQuery Phrase(List<QueryToken> tokens, string[] fields) =>
        PerField(fields, field =>
        {
            if (tokens.Count == 1)
            {
                return new TermQuery(new Term(field, tokens[0].Term));
            }

            var phrase = new PhraseQuery();
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token.Term), token.Position);
            }

            return phrase;
        });

    // A phrase, prefix or fuzzy word in each field, scored as a word is: by its best field (OtherMatchWeight).
    private BestMatchQuery PerField(string[] fields, Func<string, Query> build)
    {
        var any = new BestMatchQuery(_weights.OtherMatchWeight);
        foreach (var field in fields)
        {
            var query = build(field);
            query.Boost *= _fieldWeights[field];
            any.Add(query);
        }

        return any;
    }

    /// <summary>Any of <paramref name="queries"/> (without coordination).</summary>
    public static BooleanQuery Any(IEnumerable<Query> queries)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var query in queries)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>All of <paramref name="queries"/> (without coordination).</summary>
    public static BooleanQuery All(IEnumerable<Query> queries)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var query in queries)
        {
            all.Add(query, Occur.MUST);
        }

        return all;
    }
}
