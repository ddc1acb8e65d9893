using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Scoring;

namespace Search.Core.Highlighting;

/// <summary>
/// Walks a query and lists what to mark in the body (<see cref="SnippetBuilder.Prepare"/>): its body terms, its phrases
/// and the words its prefixes and fuzzy words stand for, each with its weight and the query word it belongs to. Each
/// visit returns how many terms and phrases it listed.
/// </summary>
internal sealed class HighlightTerms(IndexReader reader, Func<Term, int> docFreq) : QueryVisitor<int>
{
    // A prefix or fuzzy word marks at most this many of the index words it stands for (the most frequent ones).
    private const int MaxExpansionsMarked = 64;

    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<Term, MarkedTerm> _terms = [];

    public List<MarkedPhrase> Phrases { get; } = [];

    public IReadOnlyList<MarkedTerm> Terms => [.. _terms.Values];

    public int WordCount => _words.Count;

    protected override int VisitBoolean(BooleanQuery query)
    {
        var listed = 0;
        foreach (var clause in query.Clauses)
        {
            // Excluded words are not in the hit; the words-close-together reward only repeats the query's words.
            if (clause.Occur == Occur.MUST_NOT || clause is { Occur: Occur.SHOULD, Query: PhraseQuery { Slop: > 0 } })
            {
                continue;
            }

            listed += Visit(clause.Query);
        }

        return listed;
    }

    protected override int VisitBestMatch(BestMatchQuery query) => query.Matches.Sum(Visit);

    protected override int VisitCombinedField(CombinedFieldQuery query) => query.Matches.Sum(Visit);

    protected override int VisitCompoundPart(CompoundPartQuery query) =>
        query.Term.Field == ArticleFields.Body ? AddTerm(query.Term, Math.Max(docFreq(query.Term), docFreq(query.Whole))) : 0;

    protected override int VisitTerm(TermQuery query) => query.Term.Field == ArticleFields.Body ? AddTerm(query.Term, docFreq(query.Term)) : 0;

    protected override int VisitPhrase(PhraseQuery query)
    {
        if (query.GetTerms() is not { Length: > 0 } terms || terms[0].Field != ArticleFields.Body)
        {
            return 0;
        }

        if (terms.Length == 1)
        {
            return AddTerm(terms[0], docFreq(terms[0]));
        }

        var key = string.Join(' ', terms.Select(term => term.Text));
        Phrases.Add(new MarkedPhrase(terms, query.GetPositions(), Word(key), terms.Sum(term => Idf(docFreq(term)))));
        return 1;
    }

    protected override int VisitPrefix(PrefixQuery query) => AddExpansions(query);

    protected override int VisitFuzzy(FuzzyQuery query) => AddExpansions(query);

    protected override int VisitConstantScore(ConstantScoreQuery query) => query.Query is { } inner ? Visit(inner) : 0;

    protected override int VisitMatchAll(MatchAllDocsQuery query) => 0;

    protected override int VisitRecencyBlend(RecencyBlendQuery query) => Visit(query.SubQuery);

    // A word of the title's own expansions is marked where the body or title has it (SnippetBuilder.Mark): a hit the
    // typo retry found by its title alone shows the word there.
    private int AddExpansions(MultiTermQuery query)
    {
        if (query.Field is not (ArticleFields.Body or ArticleFields.Title))
        {
            return 0;
        }

        var listed = 0;
        foreach (var (term, articles) in Expansions(query).OrderByDescending(pair => pair.DocFreq).Take(MaxExpansionsMarked))
        {
            listed += AddTerm(query.Field == ArticleFields.Body ? term : new Term(ArticleFields.Body, term.Bytes), articles);
        }

        return listed;
    }

    // The index words a prefix or fuzzy word stands for, with their document frequencies.
    private List<(Term Term, int DocFreq)> Expansions(MultiTermQuery query)
    {
        var expansions = new List<(Term, int)>();
        var terms = MultiFields.GetTerms(reader, query.Field);
        if (terms is null)
        {
            return expansions;
        }

        var matching = query.GetTermsEnum(terms);
        while (matching.MoveNext())
        {
            expansions.Add((new Term(query.Field, BytesRef.DeepCopyOf(matching.Term)), matching.DocFreq));
        }

        return expansions;
    }

    private int AddTerm(Term term, int articles)
    {
        var weight = Idf(articles);
        if (!_terms.TryGetValue(term, out var known) || known.Weight < weight)
        {
            _terms[term] = new MarkedTerm(term, Word(term.Text.TrimStart(CompoundPartMarkFilter.Marker)), weight);
        }

        return 1;
    }

    // Each distinct query word (a word and its compound-part form are one) gets a number.
    private int Word(string key)
    {
        if (!_words.TryGetValue(key, out var word))
        {
            word = _words.Count;
            _words[key] = word;
        }

        return word;
    }

    private float Idf(int articles) => (float)(Math.Log(reader.NumDocs / (double)(articles + 1)) + 1.0);
}
