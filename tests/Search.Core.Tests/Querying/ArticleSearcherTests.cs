using Search.Core.Facets;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Querying;

// Checks, on a real index of the seeds plus five made-up articles:
// - words combine with AND, in any inflection, over title and body; umlauts and ß fold;
// - hits are ranked, totals exact, paging slices the ranked list;
// - the snippet marks every matched form (also stemmed ones) and escapes all other HTML;
// - month facets count all matches, ignore the month filter itself, and are newest first;
// - an empty query lists everything newest first; text that is not syntax is searched as words.
public class ArticleSearcherTests(IndexedCorpusFixture fixture) : IClassFixture<IndexedCorpusFixture>
{
    private readonly ArticleSearcher _searcher = fixture.Searcher;

    [Theory]
    [InlineData("Genf Gespräche", 1)]
    [InlineData("genf gespraeche", 1)]
    [InlineData("Gespräch", 3)]
    [InlineData("Häuser", 2)] // "Häuser" and the seed's "Weiße Haus"
    [InlineData("Haeuser", 2)]
    [InlineData("Haus", 2)]
    [InlineData("Strasse", 1)]
    [InlineData("Straße gesperrt", 1)]
    [InlineData("Ukraine Biden Putin", 1)]
    [InlineData("Ukraine Lindau", 0)]
    [InlineData("\"Weiße Haus\"", 1)]
    [InlineData("Gespräch -Genf", 2)]
    [InlineData("Lindau OR Rathaus", 2)]
    [InlineData("title:Gespräch", 1)]
    [InlineData("Kommentar*", 1)]
    [InlineData("Gespräch*", 3)] // prefix words are folded like the index: same as "Gesprach*"
    [InlineData("Gesprach*", 3)]
    [InlineData("Straß*", 1)]
    [InlineData("und die der", 0)]
    public void QueryFindsTheExpectedNumberOfArticles(string query, int total) =>
        Assert.Equal(total, Search(query).Total);

    [Fact]
    public void GenfGespraecheFindsTheSeedArticleWithBothWordsMarked()
    {
        var result = Search("Genf Gespräche");

        var hit = Assert.Single(result.Hits);
        Assert.Equal(TestCorpus.SeedId, hit.Article.Id);
        Assert.Contains("<mark>Genf</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Gespräche</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal([new FacetCount("2021-12", 1)], result.Months);
    }

    [Fact]
    public void StemmedFormsAreMarkedInTheSnippet()
    {
        var hit = Assert.Single(Search("Gespräche Bürgermeister").Hits);

        Assert.Contains("<mark>Gespräch</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Bürgermeister</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void SnippetEscapesHtmlFromTheArticle()
    {
        var hit = Assert.Single(Search("Kommentarfeld").Hits);

        Assert.DoesNotContain("<script>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Kommentarfeld</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void SnippetIsAboutTwoHundredCharactersOfTheSeedBody()
    {
        var snippet = Assert.Single(Search("Russland").Hits).Snippet;
        var text = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

        Assert.InRange(text.Length, 100, 300);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void MonthFilterNarrowsHitsButNotTheMonthFacet()
    {
        var all = Search("Gespräch");
        var december = Search("Gespräch", "2020-12");

        Assert.Equal(["2021-12", "2021-01", "2020-12"], all.Months.Select(facet => facet.Value));
        Assert.Equal(all.Months, december.Months);
        Assert.Equal("gespraech-1", Assert.Single(december.Hits).Article.Id);
        Assert.Equal(1, december.Total);
    }

    [Fact]
    public void SeveralMonthsAreCombinedWithOr()
    {
        var result = Search("Gespräch", "2020-12", "2021-12");

        Assert.Equal(2, result.Total);
        Assert.Equal(["000_93a5ca4044152280", "gespraech-1"], result.Hits.Select(hit => hit.Article.Id).Order());
    }

    [Fact]
    public void MonthWithoutArticlesFiltersEverythingOut()
    {
        var result = Search("Gespräch", "1999-01");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.Equal(3, result.Months.Sum(facet => facet.Count));
    }

    [Fact]
    public void EmptyQueryListsEveryArticleNewestFirst()
    {
        var result = _searcher.Search(new SearchRequest("", [], 1, 100));

        Assert.Equal(6, result.Total);
        Assert.Equal(["000_93a5ca4044152280", "bodensee-1", "script-1", "gespraech-1", "strasse-1", "haeuser-1"], result.Hits.Select(hit => hit.Article.Id));
        Assert.Equal(["2021-12", "2021-01", "2020-12", "2020-11"], result.Months.Select(facet => facet.Value));
        Assert.Equal([1, 2, 1, 2], result.Months.Select(facet => facet.Count));
    }

    [Fact]
    public void PagesSliceTheRankedList()
    {
        var everything = _searcher.Search(new SearchRequest("", [], 1, 6)).Hits.Select(hit => hit.Article.Id).ToList();
        var second = _searcher.Search(new SearchRequest("", [], 2, 4));
        var beyond = _searcher.Search(new SearchRequest("", [], 3, 4));

        Assert.Equal(everything[4..], second.Hits.Select(hit => hit.Article.Id));
        Assert.Equal(6, second.Total);
        Assert.Empty(beyond.Hits);
    }

    [Fact]
    public void ArticleWithTheWordInItsTitleRanksFirst()
    {
        var result = Search("Gespräch");

        Assert.Equal("gespraech-1", result.Hits[0].Article.Id);
        Assert.Equal(result.Hits.Select(hit => hit.Score).OrderDescending(), result.Hits.Select(hit => hit.Score));
    }

    [Theory]
    [InlineData("\"Genf Gespräche")]
    [InlineData("(Genf")]
    [InlineData("*Genf")]
    [InlineData("Genf AND")]
    [InlineData("Genf:")]
    [InlineData("Ukraine:Genf")]
    [InlineData("Genf ~ ^ OR")]
    public void TextThatIsNotSyntaxIsSearchedAsPlainWords(string query) =>
        Assert.Contains(Search(query).Hits, hit => hit.Article.Id == "000_93a5ca4044152280");

    [Fact]
    public void SlashIsAnOrdinaryCharacterNotARegularExpression() =>
        Assert.Equal(1, Search("Genf/Gespräche").Total);

    [Fact]
    public void ArticleIsFoundByIdAndUnknownIdIsNull()
    {
        Assert.Equal("Treffen am Bodensee", _searcher.GetArticle("bodensee-1")?.Title);
        Assert.Equal("https://example.org/bodensee-1", _searcher.GetArticle("bodensee-1")?.Url);
        Assert.Null(_searcher.GetArticle("no-such-id"));
    }

    private SearchResult Search(string query, params string[] months) => _searcher.Search(new SearchRequest(query, months));
}
