using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Errors;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Querying;

// Checks which sets of a longer query's words an article must have one of: words of equal weight leave it to the count
// of words; a heavy word is in every set; a word without weight is in none; too many words are left to the count; and
// weighing never makes a query too expensive that counting accepts.
public sealed class WordCoverageTests
{
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
}
