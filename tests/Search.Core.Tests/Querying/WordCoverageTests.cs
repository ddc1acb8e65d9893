using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Storage;

namespace Search.Core.Tests.Querying;

// Checks which sets of a longer query's words an article must have one of: words of equal weight leave it to the count
// of words; a heavy word is in every set; a word without weight is in none; too many words are left to the count;
// weighing never makes a query too expensive that counting accepts; and the words of a single set are required words of
// the match itself, which finds the articles the set as a filter finds.
public sealed class WordCoverageTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly string[] Words = ["Klima", "Hafen", "Schiff"];

    [Fact]
    public void WordsOfEqualWeightAreLeftToTheCountOfWords()
    {
        Assert.Null(WordCoverage.MinimalSets([2.0, 2.0, 2.0], 0.5, missing: 1));
    }

    [Fact]
    public void AWordThatOutweighsTheOthersIsInEverySetAndEnoughAlone()
    {
        var sets = WordCoverage.MinimalSets([5.0, 1.0, 1.0, 1.0], 0.5, missing: 1);

        Assert.NotNull(sets);
        Assert.Equal([[0]], sets);
    }

    [Fact]
    public void LightWordsTogetherCanStandInForAHeavierOne()
    {
        var sets = WordCoverage.MinimalSets([4.0, 3.0, 2.0, 0.5], 0.5, missing: 1);

        Assert.NotNull(sets);
        Assert.Equal(["0,1", "0,2", "1,2"], sets.Select(set => string.Join(',', set)).Order());
    }

    [Fact]
    public void AWordNoArticleHasIsInNoSet()
    {
        var sets = WordCoverage.MinimalSets([3.0, 3.0, 0.0], 0.5, missing: 1);

        Assert.NotNull(sets);
        Assert.Equal([[0], [1]], sets);
    }

    [Fact]
    public void QueriesWithTooManyWordsAreLeftToTheCountOfWords()
    {
        Assert.Null(WordCoverage.MinimalSets([.. Enumerable.Repeat(1.0, WordCoverage.MaxWords + 1)], 0.5, missing: 1));
    }

    [Fact]
    public void WeighingTheWordsNeverTakesAQueryPastTheClauseLimitThatCountingThemKeeps()
    {
        // One rare word among common ones: the sets of words are several conjunctions, each repeating the words' terms.
        var articles = new Dictionary<string, int>(StringComparer.Ordinal) { ["leuchtturm"] = 3, ["nebel"] = 400, ["sturmflut"] = 900, ["deich"] = 2_000 };
        int DocFreq(Term term) => articles.GetValueOrDefault(term.Text, 0);
        const string text = "Leuchtturm Nebel Sturmflut Deich";
        var counted = new QueryFactory(new GermanNewsAnalyzer(), RankingWeights.Default with { MatchedShare = 0 });
        var weighed = new QueryFactory(new GermanNewsAnalyzer());
        var limit = Enumerable.Range(1, 2_000).First(max => Fits(counted, max));

        // At the count's own limit the weighed query fits too, and it is the weighed one: its sets are a filter of words
        // the query looks up already.
        Assert.True(Fits(weighed, limit));
        Assert.NotEqual(Matching(counted), Matching(weighed));

        string Matching(QueryFactory queries) => queries.Create(text, null, DocFreq, 10_000).Matching.ToString();

        bool Fits(QueryFactory queries, int maxClauses)
        {
            queries.Limits = new QueryLimits { MaxClauses = maxClauses };
            try
            {
                queries.Create(text, null, DocFreq, 10_000);
                return true;
            }
            catch (SearchInputException)
            {
                return false;
            }
        }
    }

    [Fact]
    public void ARareWordWeighsMoreThanACommonOne()
    {
        Assert.True(WordCoverage.Weight(10, 10_000) > WordCoverage.Weight(1_000, 10_000));
        Assert.Equal(0, WordCoverage.Weight(0, 10_000));
    }

    [Fact]
    public void TheWordsOfTheOneSetThatCarriesTheWeightAreRequiredInTheMatchItselfAndFindTheSameArticles()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        // Weighed as if "Klima" were rare: it alone carries half the weight.
        var articles = new Dictionary<string, int>(StringComparer.Ordinal) { ["klima"] = 3, ["haf"] = 400, ["schiff"] = 900 };
        int DocFreq(Term term) => articles.GetValueOrDefault(term.Text, 0);
        var queries = new QueryFactory(new GermanNewsAnalyzer());
        var words = Words.Select(word => queries.Create(word).Matching).ToList();

        var matching = queries.Create("Klima Hafen Schiff", null, DocFreq, 10_000).Matching;

        // The one required clause: the words, "Klima" required; no filter of the set, nor of the uncommon words beside it.
        var some = Assert.IsType<BooleanQuery>(Assert.Single(((BooleanQuery)matching).Clauses, clause => clause.IsRequired).Query);
        Assert.Equal([Occur.MUST, Occur.SHOULD, Occur.SHOULD], some.Clauses.Select(clause => clause.Occur));
        Assert.Equal(0, some.MinimumNumberShouldMatch);
        // The form before: the set as a filter of no weight beside the three words, one of which an article must have.
        var any = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        words.ForEach(word => any.Add(word, Occur.SHOULD));
        var filtered = new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(new BooleanQuery { { words[0], Occur.MUST } }) { Boost = 0f }, Occur.MUST },
            { any, Occur.MUST },
        };
        var expected = searcher.Search(filtered, reader.MaxDoc).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
        var actual = searcher.Search(matching, reader.MaxDoc).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < reader.NumDocs);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, hit => Assert.Equal(hit.Value, actual[hit.Key], hit.Value * 1e-6f));
    }
}
