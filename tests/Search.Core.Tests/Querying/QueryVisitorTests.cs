using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Highlighting;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Scoring;
using Search.Core.Storage;

namespace Search.Core.Tests.Querying;

// Checks: the queries QueryFactory makes, from every kind of query text (words, a word with two forms, joined words,
// question words, OR, exclusions, fields, phrases, prefixes, fuzzy words, longer queries that may miss a word, the
// typo-tolerant form, completions of the word being typed, browsing), hold only kinds of query the one QueryVisitor
// knows, and all of them; the three walks over them (term lookups, the snippets' terms, the clause budget) handle
// every one, also inside the recency blend the searcher wraps around them; a query of a kind the visitor does not know
// is refused by each walk instead of being passed over.
public class QueryVisitorTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    // The kinds QueryFactory builds; the searcher adds the recency blend around them.
    private static readonly string[] FactoryKinds =
    [
        nameof(BooleanQuery), nameof(BestMatchQuery), nameof(CombinedFieldQuery), nameof(CompoundPartQuery), nameof(TermQuery),
        nameof(PhraseQuery), nameof(PrefixQuery), nameof(FuzzyQuery), nameof(ConstantScoreQuery), nameof(MatchAllDocsQuery),
    ];

    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Fact]
    public void EveryKindOfQueryTheFactoryMakesIsOneTheVisitorKnows()
    {
        var kinds = new KindRecorder();

        foreach (var query in Made())
        {
            kinds.Visit(query);
        }

        Assert.Equal(FactoryKinds.Order(StringComparer.Ordinal), kinds.Seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TermLookupsSnippetTermsAndTheClauseBudgetWalkEveryQueryTheFactoryMakes()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var budget = new ClauseBudget(new QueryLimits());
        foreach (var query in Made())
        {
            using var lookups = new TermLookups(reader.Context);

            Assert.NotNull(lookups.Resolve(query));
            Assert.NotNull(lookups.Resolve(new RecencyBlendQuery(query, RecencyBlendQuery.NewestDay(reader))));
            Assert.NotNull(SnippetBuilder.Prepare(query, reader));
            Assert.InRange(budget.Visit(query), query is MatchAllDocsQuery ? 0 : 1, int.MaxValue);
        }
    }

    [Fact]
    public void AWordIsMarkedByItsBodyTermsLookedUpInItsFivePlacesAndCountsFiveClauses()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var query = _queries.Create("Hafen").Matching;
        var term = _queries.Analyze("Hafen")[0];
        using var lookups = new TermLookups(reader.Context);

        var highlight = SnippetBuilder.Prepare(query, reader);
        var resolved = Assert.IsType<CombinedFieldQuery>(Assert.IsType<BooleanQuery>(lookups.Resolve(query)).Clauses[0].Query);

        Assert.Equal([term, CompoundPartMarkFilter.PartTerm(term)], highlight.Terms.Select(marked => marked.Term.Text));
        Assert.NotSame(((BooleanQuery)query).Clauses[0].Query, resolved);
        Assert.Equal(5, resolved.Matches.Count);
        Assert.Equal(5, new ClauseBudget(new QueryLimits()).Visit(query));
    }

    [Fact]
    public void AQueryOfAKindTheVisitorDoesNotKnowIsRefusedByEveryWalk()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var unknown = new BooleanQuery { { new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term("body", "hafen")) }, Occur.MUST } };
        using var lookups = new TermLookups(reader.Context);

        Assert.Throws<NotSupportedException>(() => lookups.Resolve(unknown));
        Assert.Throws<NotSupportedException>(() => SnippetBuilder.Prepare(unknown, reader));
        Assert.Throws<NotSupportedException>(() => new ClauseBudget(new QueryLimits()).Visit(unknown));
    }

    // The queries the factory makes of every kind of text: each form the searcher runs (matching, the strict form with
    // every word, the proximity reward, all of it together).
    private IEnumerable<Query> Made()
    {
        // Of 1,000 articles, "Zeppelin" is in 1 (a longer query with it must have it), "Maskenpflicht" in 40, the other
        // words in 100; no other two words are written as one.
        static int DocFreq(Term term) => term.Text switch
        {
            var text when text.StartsWith("zeppel", StringComparison.Ordinal) => 1,
            "maskenpflicht" => 40,
            { Length: <= 7 } => 100,
            _ => 0,
        };
        var made = new List<SearchQuery>
        {
            _queries.Create(string.Empty),
            _queries.Create("Hafen"),
            _queries.Create("Autos Hafen", fuzzyTerms: null, DocFreq, 1_000),
            _queries.Create("Masken Pflicht", fuzzyTerms: null, DocFreq, 1_000),
            _queries.Create("warum Hafen Schiff"),
            _queries.Create("Hafen OR Schiff -Wetter title:Zug caption:Brücke"),
            _queries.Create("-Wetter"),
            _queries.Create("\"Hafen und Schiff\" \"Hafen\" body:\"Zug\""),
            _queries.Create("Haf* Schiff~ Zug~1"),
            _queries.Create("Hafen Schiff Wetter Zeppelin", fuzzyTerms: null, DocFreq, 1_000),
            _queries.Create("Hafn Schif", new HashSet<string>(StringComparer.Ordinal) { "hafn", "schif" }, DocFreq, 1_000),
            _queries.Create("Hafen Sch", fuzzyTerms: null, DocFreq, 1_000, completions: ["schiff", "schul"]),
        };
        return made.SelectMany(query => new[] { query.Matching, query.AllWords, query.Proximity, query.Full }).OfType<Query>();
    }

    // Records which of the visitor's kinds it was handed, walking into every query that holds others.
    private sealed class KindRecorder : QueryVisitor<int>
    {
        public HashSet<string> Seen { get; } = [];

        protected override int VisitBoolean(BooleanQuery query) => Saw(nameof(BooleanQuery)) + query.Clauses.Sum(clause => Visit(clause.Query));

        protected override int VisitBestMatch(BestMatchQuery query) => Saw(nameof(BestMatchQuery)) + query.Matches.Sum(Visit);

        protected override int VisitCombinedField(CombinedFieldQuery query) => Saw(nameof(CombinedFieldQuery)) + query.Matches.Sum(Visit);

        protected override int VisitCompoundPart(CompoundPartQuery query) => Saw(nameof(CompoundPartQuery));

        protected override int VisitTerm(TermQuery query) => Saw(nameof(TermQuery));

        protected override int VisitPhrase(PhraseQuery query) => Saw(nameof(PhraseQuery));

        protected override int VisitPrefix(PrefixQuery query) => Saw(nameof(PrefixQuery));

        protected override int VisitFuzzy(FuzzyQuery query) => Saw(nameof(FuzzyQuery));

        protected override int VisitConstantScore(ConstantScoreQuery query) => Saw(nameof(ConstantScoreQuery)) + (query.Query is { } inner ? Visit(inner) : 0);

        protected override int VisitMatchAll(MatchAllDocsQuery query) => Saw(nameof(MatchAllDocsQuery));

        protected override int VisitRecencyBlend(RecencyBlendQuery query) => Saw(nameof(RecencyBlendQuery)) + Visit(query.SubQuery);

        private int Saw(string kind)
        {
            Seen.Add(kind);
            return 1;
        }
    }
}
