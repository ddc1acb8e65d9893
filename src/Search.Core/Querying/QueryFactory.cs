using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Ranking;
using Search.Core.Scoring;

namespace Search.Core.Querying;

/// <summary>
/// Turns the user's text (<see cref="QuerySyntax"/>) into a Lucene query over title, body and caption, with the weights
/// of <see cref="RankingWeights"/>. A word matches in any inflection, scored over its fields as one text
/// (<see cref="CombinedFieldQuery"/>); it also matches where it is part of a compound ("Impfstoff" in
/// "Impfstoffhersteller"), weighted below a whole-word match (<see cref="RankingWeights.CompoundPartWeight"/>), and two
/// neighbouring words also match as the one word they make together (<see cref="JoinedWords"/>). A query of up to
/// <see cref="RankingWeights.AllWordsUpTo"/> words needs every word (unless one of two words is far heavier than the
/// other: <see cref="RankingWeights.LighterWordShare"/>); a longer one may miss words that carry less than half its
/// weight (<see cref="WordCoverage"/>), or <see cref="RankingWeights.MissingWords"/> when its weights are not known
/// (<see cref="SearchQuery.AllWords"/> holds the strict form, which the searcher
/// applies when many articles have every word). Question words and years need not match (<see cref="IsOptional"/>). Articles
/// whose headline has the query words close together get a reward (<see cref="SearchQuery.Proximity"/>). Every query is
/// held to <see cref="Limits"/>.
/// </summary>
internal sealed class QueryFactory
{
    private readonly Analyzer _analyzer;
    private readonly RankingWeights _weights;
    private readonly WordQueries _words;
    private readonly JoinedWords _joined;

    /// <param name="analyzer">Analyses query words; it must not split compounds (parts are matched as part terms instead).</param>
    /// <param name="weights">The ranking's weights; <see cref="RankingWeights.Default"/> when null.</param>
    public QueryFactory(Analyzer analyzer, RankingWeights? weights = null)
    {
        _analyzer = analyzer;
        _weights = weights ?? RankingWeights.Default;
        _words = new WordQueries(analyzer, _weights);
        _joined = new JoinedWords(analyzer);
    }

    /// <summary>The weights the queries are made with.</summary>
    public RankingWeights Weights => _weights;

    /// <summary>The bounds every new query is held to.</summary>
    /// <value>The default is <see cref="QueryLimits"/> with its own defaults.</value>
    public QueryLimits Limits { get; set; } = new();

    /// <summary>The query for <paramref name="text"/>; matching <see cref="MatchAllDocsQuery"/> for empty text.</summary>
    /// <exception cref="SearchInputException">The query is too expensive: too many clauses (<c>too_many_clauses</c>) or a
    /// prefix too short (<c>prefix_too_short</c>). Too many expansions (<c>too_many_expansions</c>) are only found when it runs.</exception>
    public SearchQuery Create(string text) => Create(text, fuzzyTerms: null, docFreq: null);

    /// <summary>As <see cref="Create(string)"/>, but the words whose index terms are in <paramref name="fuzzyTerms"/> also
    /// match words one edit away (two from eight letters): the typo-tolerant retry of a query that found (almost)
    /// nothing; and with <paramref name="docFreq"/> (the index's article count of a term), two neighbouring words also
    /// match as one word where the index knows them joined (<see cref="JoinedWords"/>): "Masken Pflicht" also finds
    /// "Maskenpflicht", "Home Office" and "Home-Office" "Homeoffice", and a word with two forms is searched by the one more
    /// articles have.</summary>
    public SearchQuery Create(string text, IReadOnlySet<string>? fuzzyTerms, Func<Term, int>? docFreq) => Create(text, fuzzyTerms, docFreq, articles: 0);

    /// <summary>As <see cref="Create(string, IReadOnlySet{string}, Func{Term, int})"/>, for an index of
    /// <paramref name="articles"/> articles: a query that lets an article miss a word still needs one of its uncommon
    /// words (<see cref="RankingWeights.CommonShare"/>).</summary>
    public SearchQuery Create(string text, IReadOnlySet<string>? fuzzyTerms, Func<Term, int>? docFreq, int articles) =>
        Create(text, fuzzyTerms, docFreq, articles, completions: null);

    /// <summary>As <see cref="Create(string, IReadOnlySet{string}, Func{Term, int}, int)"/>, with the last word of the
    /// text, when it is a plain word, also matching <paramref name="completions"/> (index terms that start with it, as
    /// <c>/api/search?prefix=last</c> searches while the reader types), each scored as a word.</summary>
    public SearchQuery Create(string text, IReadOnlySet<string>? fuzzyTerms, Func<Term, int>? docFreq, int articles, IReadOnlyList<string>? completions)
    {
        if (Browses(text))
        {
            return new SearchQuery(new MatchAllDocsQuery(), Proximity: null);
        }

        var clauses = QuerySyntax.Parse(text);
        var optional = new List<QueryClause>();
        if (clauses.Any(clause => !clause.Excluded && !IsOptional(clause)))
        {
            // "Warum hat Dänemark alle Nerze getötet?": the question's words say nothing of its topic, so an article
            // need not have them; one that does (a headline "Warum …") scores them. Nor does a year: the reports on the
            // "Vierschanzentournee 2021" seldom print "2021", the day's news digests that list it do.
            // An academic title ("Dr. Drosten") is left out altogether: as a scored word it put first the articles that
            // print "Prof." before anyone's name.
            optional.AddRange(clauses.Where(clause => IsOptional(clause) && !OptionalWords.IsTitleWord(clause)));
            var first = clauses[0];
            clauses = [.. clauses.Where(clause => !IsOptional(clause))];
            if (_weights.LowerCaseOptionalInQuestions && QuerySyntax.IsQuestion(text))
            {
                // "Was bringt die FFP2-Maskenpflicht?": German capitalises nouns, and a question's other words ("bringt")
                // are how it is asked more than what it is about. Only where the reader capitalises: some word after the
                // first keeps a capital.
                var asking = clauses.Where(clause => !ReferenceEquals(clause, first) && OptionalWords.IsLowerCase(clause)).ToList();
                if (clauses.Any(clause => !ReferenceEquals(clause, first) && clause.Alternatives.Any(term => term.Text.Any(char.IsUpper))))
                {
                    optional.AddRange(asking);
                    clauses = [.. clauses.Where(clause => !asking.Contains(clause))];
                }
            }
        }

        var words = new List<Query>();
        // Each word's weight for WordCoverage, when it is known (a plain word or two joined ones, read from the index).
        var wordWeights = new List<double?>();
        var uncommon = new List<Query>();
        var query = new BooleanQuery(disableCoord: true);
        var closeTogether = new List<string>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (docFreq is not null && i + 1 < clauses.Count && _joined.Of(clause, clauses[i + 1], docFreq) is { } joined)
            {
                // Either both words, or the one word they make together.
                var (first, second) = (WordShape.PlainWord(clause)!, WordShape.PlainWord(clauses[i + 1])!);
                var both = new[] { _words.Build(first, false, fuzzyTerms, docFreq, Limits), _words.Build(second, false, fuzzyTerms, docFreq, Limits) }.OfType<Query>();
                var pair = Analyze(first.Text).Concat(Analyze(second.Text)).ToList();
                var (whole, joinedTerms, wholeWeight, pairWeight) = JoinedWord(joined, pair);
                words.Add(WordQueries.Any([WordQueries.All(both), whole]));
                // As rare as the rarer of its two ways to match: the joined word, or both words (as rare as the rarer).
                wordWeights.Add(pair.Count == 0 ? wholeWeight : pairWeight);
                if (Uncommon(joinedTerms) && (pair.Count == 0 || Uncommon(pair)))
                {
                    uncommon.Add(words[^1]);
                }

                closeTogether.AddRange(pair);
                i++;
                continue;
            }

            var alternatives = clause.Alternatives
                .Select(term => _words.Build(term, clause.Excluded, fuzzyTerms, docFreq, Limits))
                .OfType<Query>()
                .ToList();
            if (alternatives.Count == 0)
            {
                continue;
            }

            // The index terms of a single word, analysed once for the checks below.
            var wordTerms = WordShape.SingleWord(clause) is { } single ? Analyze(single.Text) : null;
            IReadOnlyList<string>? apartTerms = null;
            var joinedToo = false;
            if (docFreq is not null && wordTerms is not null && WordShape.PlainWord(clause) is { } plain && WrittenApart.Parts(plain.Text, wordTerms, Analyze, docFreq) is { } apart)
            {
                // "Beethovenjahr", which the articles write "Beethoven-Jahr": also the two words side by side.
                alternatives.Add(_words.Build(new QueryTerm(TermKind.Phrase, apart, null), false, fuzzyTerms: null, docFreq, Limits)!);
                apartTerms = Analyze(apart);
            }
            else if (docFreq is not null && wordTerms is { Count: 1 } && WordShape.LettersThenDigits(clause) is { } spaced
                && Analyze(spaced) is [var letters, _] spacedTerms
                && docFreq(new Term(ArticleFields.Body, wordTerms[0])) < docFreq(new Term(ArticleFields.Body, letters)))
            {
                // "Covid19", which the articles write "Covid-19" (5,690 articles; "Covid19": 61): also the letters and the
                // number side by side. Not where the word is the usual way to write it ("FFP2", rarely "FFP-2").
                alternatives.Add(_words.Build(new QueryTerm(TermKind.Phrase, spaced, null), false, fuzzyTerms: null, docFreq, Limits)!);
                apartTerms = spacedTerms;
            }
            else if (docFreq is not null && wordTerms is { Count: 2 } && WordShape.Hyphenated(clause) is var (left, right) && _joined.Of(left, right, docFreq) is { } hyphenJoined)
            {
                // "Home-Office", which many articles write "Homeoffice": also the one word, as for "Home Office" above.
                alternatives.Add(JoinedWord(hyphenJoined, wordTerms).Query);
                joinedToo = true;
            }

            if (completions is { Count: > 0 } && i == clauses.Count - 1 && WordShape.PlainWord(clause) is not null)
            {
                alternatives.AddRange(completions.Select(_words.Word));
            }

            var built = alternatives.Count == 1 ? alternatives[0] : WordQueries.Any(alternatives);
            if (clause.Excluded)
            {
                query.Add(built, Occur.MUST_NOT);
            }
            else
            {
                words.Add(built);
                // A word the articles write apart weighs as the commoner of its two words: "Ersatzshow" (in one article)
                // says no more of the topic than "Show" does, and "ESC" is what an article of "ESC Ersatzshow" must have. A
                // hyphenated word weighs as its parts, whether or not the word they make is searched too.
                wordWeights.Add(wordTerms is not { Count: > 0 } ? null
                    : alternatives.Count == 1 || (alternatives.Count == 2 && joinedToo) ? WeightOf(wordTerms)
                    : alternatives.Count == 2 && apartTerms is { Count: 2 } ? WeightOf(apartTerms)
                    : null);
                if (wordTerms is not null)
                {
                    closeTogether.AddRange(wordTerms);
                    if (Uncommon(wordTerms) || (apartTerms is { Count: 2 } && Uncommon(apartTerms)))
                    {
                        uncommon.Add(built);
                    }
                }
                else
                {
                    uncommon.Add(built);
                }
            }
        }

        // A word is uncommon when one of its terms is in fewer than CommonShare of the articles, and in one at least: a
        // word no article has cannot be the one an article must have. Without the index at hand, every word is.
        bool Uncommon(IEnumerable<string> terms) => docFreq is null || articles <= 0 || terms.Any(term => docFreq(new Term(ArticleFields.Body, term)) is var articlesWith && articlesWith > 0 && articlesWith < _weights.CommonShare * articles);

        // A word weighs as its most common form: BM25's idf of the articles that have it (WordCoverage).
        double? WeightOf(IEnumerable<string> terms) => docFreq is null || articles <= 0 ? null
            : WordCoverage.Weight(terms.Max(term => docFreq(new Term(ArticleFields.Body, term))), articles);

        // The one word two words make ("Maskenpflicht" of "Masken Pflicht" or "Masken-Pflicht"), weighing JoinedWeight
        // of itself, and no more than the two words' terms (pair) together: the joined word is often far rarer than they
        // are ("coronaregeln"), and an article that prints it once would outscore the articles about the query's other
        // words.
        (Query Query, IReadOnlyList<string> Terms, double? Weight, double? PairWeight) JoinedWord(QueryTerm joined, IReadOnlyList<string> pair)
        {
            var whole = _words.Build(joined, false, fuzzyTerms, docFreq, Limits)!;
            whole.Boost = _weights.JoinedWeight;
            var joinedTerms = Analyze(joined.Text);
            var wholeWeight = WeightOf(joinedTerms);
            var pairWeight = pair.Aggregate((double?)0, (sum, term) => sum + WeightOf([term]));
            if (_weights.JoinedCap > 0 && pair.Count > 0 && wholeWeight > 0 && pairWeight is { } cap)
            {
                whole.Boost *= (float)Math.Min(1, _weights.JoinedCap * cap / wholeWeight.Value);
            }

            return (whole, joinedTerms, wholeWeight, pairWeight);
        }

        BooleanQuery? allWords = null;
        var weighed = fuzzyTerms is null && docFreq is not null && articles > 0 && wordWeights.All(weight => weight is not null);
        // Two words of about equal weight, few articles with both: the others with either (uncommon) word follow.
        // Capped so that the articles with both words always come first (AllWordsFirstBelow).
        var oneOfTwoBelow = Math.Min(_weights.OneOfTwoWordsBelow, _weights.AllWordsFirstBelow);
        // Two words, one uncommon and far heavier than the other: the lighter may be missing, as in a longer query. Unless
        // fewer articles than that have the heavier and the lighter is uncommon too: then they are two of about equal
        // weight ("Bierabsatz Brauereien": six articles say "Bierabsatz", dozens more are about breweries).
        var heavier = words.Count == 2 && weighed ? wordWeights.Max(weight => weight!.Value) : 0;
        var lighterOptional = _weights.LighterWordShare > 0 && words.Count == 2 && weighed && uncommon.Count > 0
            && heavier >= _weights.LighterWordShare * wordWeights.Sum(weight => weight!.Value)
            && !(_weights.OneOfTwoAfterRareWord && oneOfTwoBelow > 1 && uncommon.Count == 2 && heavier > WordCoverage.Weight(oneOfTwoBelow, articles));
        var oneOfTwo = !lighterOptional && oneOfTwoBelow > 1 && words.Count == 2 && weighed && uncommon.Count > 0;
        if (words.Count > _weights.AllWordsUpTo || lighterOptional || oneOfTwo)
        {
            // Which words an article must have: those that carry a share of the query's weight, when that differs from
            // a count of words; the typo-tolerant retry counts (a misspelt word has no weight of its own).
            // Two words of about equal weight: either may follow the articles with both ("NBA Bubble": the articles about
            // the NBA, which say "Blase" or nothing of the bubble, score above those that say "Bubble" once).
            var share = lighterOptional ? _weights.LighterWordShare : oneOfTwo ? 0 : _weights.MatchedShare;
            var sets = share > 0 && weighed ? WordCoverage.MinimalSets([.. wordWeights.Select(weight => weight!.Value)], share, _weights.MissingWords) : null;

            // A longer query: an article may miss a word. When one set of words carries the share ("Herzen" of "Herzen
            // Stadt kaum"), its words are required words of the match, and the others optional: the same articles as
            // the set as a filter beside the words, with a minimum of the set's size, but each word read once.
            var required = sets is [var only] ? only.Select(word => words[word]).ToHashSet(ReferenceEqualityComparer.Instance) : null;
            var some = new BooleanQuery(disableCoord: true);
            foreach (var word in words)
            {
                some.Add(word, required?.Contains(word) == true ? Occur.MUST : Occur.SHOULD);
            }

            some.MinimumNumberShouldMatch = required is not null ? 0 : sets is null ? Math.Max(1, words.Count - _weights.MissingWords) : Math.Max(1, sets.Min(set => set.Length));
            if (sets is not null && required is null)
            {
                query.Add(new ConstantScoreQuery(WordCoverage.AnySet(words, sets)) { Boost = 0f }, Occur.MUST);
            }

            allWords = new BooleanQuery(disableCoord: true);
            foreach (var clause in query.Clauses)
            {
                allWords.Add(clause);
            }

            foreach (var word in words)
            {
                allWords.Add(word, Occur.MUST);
            }

            query.Add(some, Occur.MUST);
            if (uncommon.Count > 0 && uncommon.Count < words.Count && !uncommon.Any(word => required?.Contains(word) == true))
            {
                // Not the common words alone: an article with "Zeit" and "dass" but not "Stationierung" is no match, and
                // the matches of the common words alone (most of the index) need no scoring. (Nothing to add when an
                // uncommon word is required already.)
                var anyUncommon = new BooleanQuery(disableCoord: true);
                foreach (var word in uncommon)
                {
                    anyUncommon.Add(word, Occur.SHOULD);
                }

                query.Add(new ConstantScoreQuery(anyUncommon) { Boost = 0f }, Occur.MUST);
            }
        }
        else
        {
            foreach (var word in words)
            {
                query.Add(word, Occur.MUST);
            }
        }

        foreach (var word in optional.Select(clause => _words.Build(clause.Alternatives[0], false, fuzzyTerms: null, docFreq, Limits)).OfType<Query>())
        {
            // In the strict form too: it replaces the query when many articles have every word, and should score alike.
            query.Add(word, Occur.SHOULD);
            allWords?.Add(word, Occur.SHOULD);
        }

        if (words.Count == 0 && query.Clauses.Count > 0)
        {
            // Only exclusions: everything but what they match.
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        var proximity = CloseTogether.Query(closeTogether, _weights);

        var budget = new ClauseBudget(Limits);
        var count = budget.Visit(query) + (proximity is null ? 0 : budget.Visit(proximity));
        if (count > Limits.MaxClauses)
        {
            throw new SearchInputException("too_many_clauses", "q", string.Create(CultureInfo.InvariantCulture,
                $"q has {count:N0} search terms (each word is looked up in title, body and caption, whole and as a compound part; a fuzzy word~ counts {Limits.MaxFuzzyExpansions} per field); at most {Limits.MaxClauses:N0} are allowed. Use fewer words."));
        }

        return new SearchQuery(query, proximity)
        {
            AllWords = allWords,
            StrictFrom = allWords is null ? 0 : oneOfTwo ? oneOfTwoBelow : _weights.MissingWordsBelow,
        };
    }

    /// <summary>True when <paramref name="text"/> asks for no words: every article matches (<see cref="SearchQuery.Browsing"/>).</summary>
    public static bool Browses(string text) => string.IsNullOrWhiteSpace(text);

    /// <summary>Whether <paramref name="clause"/> need not match in a query with other words (<see cref="OptionalWords"/>): a
    /// question word, "vs." or "versus", an academic title, or a year when years are optional
    /// (<see cref="RankingWeights.OptionalYears"/>).</summary>
    internal bool IsOptional(QueryClause clause) =>
        OptionalWords.IsQuestionWord(clause) || OptionalWords.IsVersusWord(clause) || OptionalWords.IsTitleWord(clause)
        || (_weights.OptionalYears && WordShape.SingleWord(clause) is { } word && OptionalWords.IsYear(word.Text));

    /// <summary>The index terms of <paramref name="text"/> as the query analyzer sees it (stopwords gone, stemmed).</summary>
    public IReadOnlyList<string> Analyze(string text) => [.. QueryToken.Read(_analyzer, text).DistinctBy(token => token.Position).Select(token => token.Term)];

    /// <summary>The words of <paramref name="text"/>: each index term with the text it came from.</summary>
    public IEnumerable<(string Term, string Written)> Words(string text) => QueryToken.Read(_analyzer, text).Select(token => (token.Term, token.Original));

    /// <summary>The words of <paramref name="text"/> as the body indexes them, each with its other form.</summary>
    internal IReadOnlyList<QueryToken> Tokens(string text) => QueryToken.Read(_analyzer, text);

    /// <summary>The query a plain word of the user's becomes (every searched field, whole and as a compound part), for
    /// <paramref name="term"/> as the analyzer gives it: what <see cref="CommonWords"/> keeps the scores of.</summary>
    public static CombinedFieldQuery WordQuery(string term, RankingWeights weights) => WordQueries.Word(term, [.. weights.FieldWeights.Keys], excluded: false, weights, weights.FieldWeights);
}
