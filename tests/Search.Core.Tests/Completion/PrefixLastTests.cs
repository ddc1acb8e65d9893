using Search.Core.Completion;
using Search.Core.Querying;

namespace Search.Core.Tests.Completion;

public sealed class PrefixLastTests(CompletionFixture fixture) : IClassFixture<CompletionFixture>
{
    private SearchResult Search(string text, bool prefixLast) => fixture.Searcher.Search(new SearchRequest(text, []) { PrefixLast = prefixLast });

    [Fact]
    public void TheLastWordBeingTypedFindsTheArticlesWithTheWordsThatStartWithIt()
    {
        var typing = Search("Wirec", prefixLast: true);

        Assert.Equal(CompletionFixture.WirecardArticles, typing.Total);
        Assert.All(typing.Hits, hit => Assert.StartsWith("wirecard-", hit.Article.Id, StringComparison.Ordinal));
        Assert.Null(typing.DidYouMean);
        Assert.False(typing.Fuzzy);
    }

    [Fact]
    public void WithoutPrefixLastTheHalfWordIsCorrectedInstead()
    {
        var whole = Search("Wirec", prefixLast: false);

        Assert.NotEqual(CompletionFixture.WirecardArticles, whole.Total);
    }

    [Fact]
    public void TheWordsBeforeTheLastStillNeedToMatchAndStillGetSpellingHelp()
    {
        var typing = Search("Zahlungsdienstleistr Wirec", prefixLast: true);

        Assert.Equal("Zahlungsdienstleister Wirec", typing.DidYouMean);
        Assert.Equal(CompletionFixture.WirecardArticles, typing.Total);
    }

    [Theory]
    [InlineData("Lukaschenko Prot", "Lukaschenko ", "Prot")]
    [InlineData("Wirec", "", "Wirec")]
    [InlineData("\"Merkel\" Prot", "\"Merkel\" ", "Prot")]
    public void TheWordBeingTypedIsThePlainWordAtTheEnd(string text, string head, string last)
    {
        Assert.Equal((head, last), Completer.Typing(text, minLetters: 2));
    }

    [Theory]
    [InlineData("\"Der Zahlungsdienstleister Wirec")]
    [InlineData("-Wirec")]
    [InlineData("title:Wirec")]
    [InlineData("Wirecard ")]
    [InlineData("Lukaschenko P")]
    public void AWordInAnOpenPhraseExcludedInAFieldFinishedOrTooShortIsNotCompleted(string text)
    {
        Assert.Null(Completer.Typing(text, minLetters: 2));
    }
}
