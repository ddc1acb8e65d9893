using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

// Checks which sets of a longer query's words an article must have one of: words of equal weight leave it to the count
// of words; a heavy word is in every set; a word without weight is in none; too many words are left to the count.
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
    public void ARareWordWeighsMoreThanACommonOne()
    {
        Assert.True(WordCoverage.Weight(10, 10_000) > WordCoverage.Weight(1_000, 10_000));
        Assert.Equal(0, WordCoverage.Weight(0, 10_000));
    }
}
