using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Core.Tests.Completion;

public sealed class CompletionTests(CompletionFixture fixture) : IClassFixture<CompletionFixture>
{
    private IReadOnlyList<Search.Core.Completion.Completion> Suggest(string text, int size = 8, params string[] months) =>
        fixture.Searcher.Suggest(new SearchRequest(text, months, Size: size));

    [Fact]
    public void AHalfTypedWordCompletesToTheWordAsTheArticlesWriteIt()
    {
        var completions = Suggest("wirec");

        Assert.Equal(new Search.Core.Completion.Completion("Wirecard", CompletionFixture.WirecardArticles), completions[0]);
    }

    [Fact]
    public void CompletionsKeepTheUmlautTheArticlesWriteThoughTheIndexFoldsIt()
    {
        Assert.Contains(Suggest("Ministerpräsidentenk"), completion => completion.Text == "Ministerpräsidentenkonferenz" && completion.Articles == 3);
    }

    [Fact]
    public void AWordTypedWithoutItsUmlautOrWithSsCompletesLikeTheWordWithIt()
    {
        Assert.Equal(Suggest("Münch").Select(completion => completion.Text), Suggest("Munch").Select(completion => completion.Text));
        Assert.Equal("München", Suggest("Munch")[0].Text);
        Assert.Equal("Straße", Suggest("Strasse")[0].Text);
    }

    [Fact]
    public void CompoundsThatStartWithTheWordCompleteAfterTheWordItself()
    {
        var texts = Suggest("Masken").Select(completion => completion.Text).ToList();

        Assert.Equal("Masken", texts[0]);
        Assert.Contains("Maskenpflicht", texts);
        Assert.Contains("Maskenverweigerer", texts);
    }

    [Fact]
    public void WordsInMoreArticlesComeFirst()
    {
        var completions = Suggest("Wi");

        Assert.Equal(completions.OrderByDescending(completion => completion.Articles).Select(completion => completion.Articles), completions.Select(completion => completion.Articles));
        Assert.Equal("Wirecard", completions[0].Text);
        Assert.Contains(completions, completion => completion.Text == "Wired");
    }

    [Fact]
    public void TheWordsBeforeTheLastAreKeptAsTyped()
    {
        Assert.Equal("zahlungsdienst Wirecard", Suggest("zahlungsdienst Wirec")[0].Text);
    }

    [Fact]
    public void APrefixWithOneTypoCompletesWhenNoWordStartsWithIt()
    {
        Assert.Contains(Suggest("Ministerpräsidnt"), completion => completion.Text == "Ministerpräsidentenkonferenz");
    }

    [Fact]
    public void AShortPrefixWithATypoIsNotCorrected()
    {
        Assert.Empty(Suggest("Wxrc"));
    }

    [Fact]
    public void AWordOnlyATitleHasCompletesToo()
    {
        Assert.Equal("Zugspitzbahn", Suggest("Zugspitz")[0].Text);
    }

    [Fact]
    public void AMonthFilterLeavesOutWordsNoArticleOfThatMonthHas()
    {
        var march = Suggest("Münch", months: "2020-03");
        var april = Suggest("Münch", months: "2020-04");

        Assert.Equal([new Search.Core.Completion.Completion("München", 2)], march);
        Assert.Equal([new Search.Core.Completion.Completion("Münchhausen", 1)], april);
    }

    [Fact]
    public void SizeLimitsTheCompletions()
    {
        Assert.Single(Suggest("Masken", size: 1));
    }

    [Theory]
    [InlineData("Wirecard ")]
    [InlineData("Wirecard-")]
    [InlineData("")]
    public void ATextThatDoesNotEndInAWordIsRefusedNamingQ(string text)
    {
        var error = Assert.Throws<SearchInputException>(() => Suggest(text));

        Assert.Equal("q", error.Parameter);
        Assert.Equal("empty_last_word", error.Code);
    }

    [Fact]
    public void ATextLongerThanAHundredCharactersIsRefusedNamingQ()
    {
        var error = Assert.Throws<SearchInputException>(() => Suggest(new string('a', 101)));

        Assert.Equal("query_too_long", error.Code);
    }

    [Fact]
    public void TheStartUpSummarySaysHowManyWordsThereAreAndTheirMemory()
    {
        var summary = fixture.Searcher.Completions;

        Assert.InRange(summary.Words, 20, 1000);
        Assert.True(summary.Bytes > 0);
        Assert.Equal(1, summary.MinArticles);
    }

    [Fact]
    public void ABudgetTooSmallForEveryWordLeavesOutTheRarestFirst()
    {
        using var small = ArticleSearcher.Open(fixture.IndexPath, completionBudget: 1500);

        Assert.True(small.Completions.MinArticles > 1);
        Assert.Equal("Wirecard", small.Suggest(new SearchRequest("Wirec", [])).Single().Text);
        Assert.Empty(small.Suggest(new SearchRequest("Wiesel", [])));
    }
}
