using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Scoring;

// Checks, over a multi-segment index: a longer query's words of which an article must have some (SomeWordsQuery) find
// the same articles as Lucene's BooleanQuery of optional clauses with a minimum, with the same scores up to float
// rounding, for every minimum, with its term lookups resolved or not; inside a conjunction (where it is advanced to
// the other clause's articles, not stepped through) too; an article with fewer words than the minimum is no match; its
// explanations give its scores and say how many words an article has when it has too few.
public class SomeWordsQueryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly string[] Texts = ["Zug Wetter Hafen", "Regierung Schule Impfung Klima", "Theater Museum Brücke Gericht Polizei", "Zug Wetter Haf*"];

    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    public static TheoryData<string, int> TextsAndMinimums()
    {
        var data = new TheoryData<string, int>();
        foreach (var text in Texts)
        {
            for (var minimum = 1; minimum <= text.Split(' ').Length; minimum++)
            {
                data.Add(text, minimum);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextsAndMinimums))]
    public void FindsWhatLucenesMinimumShouldMatchFindsWithItsScores(string text, int minimum)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var some = new SomeWordsQuery(Words(text), minimum);

        var expected = Scores(searcher, Lucenes(some));

        Assert.NotEmpty(expected);
        foreach (var ours in new[] { some, lookups.Resolve(some) })
        {
            var actual = Scores(searcher, ours);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            Assert.All(expected, hit => Assert.Equal(hit.Value, actual[hit.Key], hit.Value * 1e-6f));
        }
    }

    [Theory]
    [InlineData("Zug Wetter Hafen", "Schiff")]
    [InlineData("Regierung Schule Impfung Klima", "Flughafen")]
    [InlineData("Theater Museum Brücke Gericht Polizei", "Rathaus")]
    public void InAConjunctionItFindsWhatLuceneFinds(string text, string required)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var words = Words(text);
        var other = Assert.IsType<BooleanQuery>(_queries.Create(required).Matching).Clauses[0].Query;
        var some = new SomeWordsQuery(words, words.Count - 1);

        var expected = Scores(searcher, new BooleanQuery(disableCoord: true) { { Lucenes(some), Occur.MUST }, { other, Occur.MUST } });
        var actual = Scores(searcher, new BooleanQuery(disableCoord: true) { { some, Occur.MUST }, { other, Occur.MUST } });

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, hit => Assert.Equal(hit.Value, actual[hit.Key], hit.Value * 1e-6f));
    }

    [Fact]
    public void AnArticleWithFewerWordsThanTheMinimumIsNoMatchAndItsExplanationSaysHowManyItHas()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var words = Words("Theater Museum Brücke Gericht Polizei");
        var some = new SomeWordsQuery(words, 4);
        var found = Scores(searcher, some).Keys.ToHashSet();
        var anyWord = Scores(searcher, new SomeWordsQuery(words, 1)).Keys;

        var missed = anyWord.Where(doc => !found.Contains(doc)).ToList();

        Assert.NotEmpty(found);
        Assert.NotEmpty(missed);
        foreach (var doc in missed.Take(20))
        {
            var explanation = searcher.Explain(some, doc);
            Assert.False(explanation.IsMatch);
            Assert.Matches("^no match: [123] of the at least 4 words", explanation.Description);
        }
    }

    [Fact]
    public void ExplanationsGiveTheScores()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create("Regierung Schule Impfung Klima").Matching;
        Assert.Contains(Assert.IsType<BooleanQuery>(query).Clauses, clause => clause.Query is SomeWordsQuery { Minimum: 3 });

        foreach (var hit in searcher.Search(query, 20).ScoreDocs)
        {
            var explanation = searcher.Explain(query, hit.Doc);
            Assert.Equal(hit.Score, explanation.Value, hit.Score * 1e-6f);
            Assert.Contains("sum of at least 3 of:", explanation.ToString(), StringComparison.Ordinal);
        }
    }

    // The words of a text as the factory makes them.
    private List<Query> Words(string text) => [.. text.Split(' ').Select(word => Assert.IsType<BooleanQuery>(_queries.Create(word).Matching).Clauses[0].Query)];

    // The same words as Lucene's BooleanQuery of optional clauses with a minimum, without coordination.
    private static BooleanQuery Lucenes(SomeWordsQuery some)
    {
        var boolean = new BooleanQuery(disableCoord: true) { Boost = some.Boost, MinimumNumberShouldMatch = some.Minimum };
        foreach (var word in some.Words)
        {
            boolean.Add(word, Occur.SHOULD);
        }

        return boolean;
    }

    private static Dictionary<int, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
}
