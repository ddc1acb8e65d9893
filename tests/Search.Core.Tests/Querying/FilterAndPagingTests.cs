using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

// Checks, on the seeds plus the fixture articles: year and source facets with multi-select semantics (each
// facet ignores its own filter, honours the others); from/to ranges by day or month; newest/oldest order;
// cursor paging walks the whole list exactly once and refuses a cursor of another query.
public class FilterAndPagingTests(IndexedCorpusFixture fixture) : IClassFixture<IndexedCorpusFixture>
{
    private readonly ArticleSearcher _searcher = fixture.Searcher;

    [Fact]
    public void YearAndSourceFacetsCountEveryMatch()
    {
        var result = _searcher.Search(new SearchRequest("", [], 1, 10));

        Assert.Equal(["2021:3", "2020:3"], result.Facets.Years.Select(Label));
        Assert.Equal(["beispiel.de:2", "example.de:2"], result.Facets.Sources.Select(Label));
    }

    [Fact]
    public void EachFacetIgnoresItsOwnFilterAndHonoursTheOthers()
    {
        var result = _searcher.Search(new SearchRequest("", [], 1, 10) { Years = ["2020"], Sources = ["example.de"] });

        Assert.Equal(2, result.Total);
        Assert.Equal(["2020:2"], result.Facets.Years.Select(Label));                       // source filter applies, year filter does not
        Assert.Equal(["beispiel.de:1", "example.de:2"], result.Facets.Sources.Select(Label).Order()); // year filter applies, source filter does not
        Assert.Equal(["2020-11:2"], result.Facets.Months.Select(Label));                   // both apply
    }

    [Theory]
    [InlineData("2020-12", null, 4)]
    [InlineData(null, "2020-11", 2)]
    [InlineData("2020-11-10", "2020-12-01", 2)]
    [InlineData("2021-01-16", "2021-01-20", 1)]
    [InlineData("2022-01", null, 0)]
    public void FromAndToRestrictByDayOrWholeMonth(string? from, string? to, int total) =>
        Assert.Equal(total, _searcher.Search(new SearchRequest("", [], 1, 10) { From = from, To = to }).Total);

    [Fact]
    public void NewestAndOldestOrderByPublicationDate()
    {
        var newest = _searcher.Search(new SearchRequest("Gespräch", [], 1, 10) { Sort = SearchSort.Newest });
        var oldest = _searcher.Search(new SearchRequest("Gespräch", [], 1, 10) { Sort = SearchSort.Oldest });

        Assert.Equal(["000_93a5ca4044152280", "bodensee-1", "gespraech-1"], newest.Hits.Select(hit => hit.Article.Id));
        Assert.Equal(newest.Hits.Select(hit => hit.Article.Id).Reverse(), oldest.Hits.Select(hit => hit.Article.Id));
    }

    [Theory]
    [InlineData("", SearchSort.Relevance)]
    [InlineData("Gespräch OR Straße OR Haus OR Kommentar*", SearchSort.Relevance)]
    [InlineData("", SearchSort.Oldest)]
    public void CursorWalksTheWholeListOnce(string query, SearchSort sort)
    {
        var everything = _searcher.Search(new SearchRequest(query, [], 1, 100) { Sort = sort }).Hits.Select(hit => hit.Article.Id).ToList();
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = _searcher.Search(new SearchRequest(query, [], 1, 2) { Sort = sort, Cursor = cursor });
            walked.AddRange(page.Hits.Select(hit => hit.Article.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(everything, walked);
    }

    [Fact]
    public void LastPageHasNoNextCursor()
    {
        var result = _searcher.Search(new SearchRequest("", [], 1, 100));

        Assert.Null(result.Next);
    }

    [Fact]
    public void CursorOfAnotherQueryIsRefused()
    {
        var next = _searcher.Search(new SearchRequest("", [], 1, 2)).Next;

        var error = Assert.Throws<SearchInputException>(() => _searcher.Search(new SearchRequest("Gespräch", [], 1, 2) { Cursor = next }));

        Assert.Equal(("invalid_cursor", "cursor"), (error.Code, error.Parameter));
    }

    [Fact]
    public void DamagedCursorIsRefused()
    {
        var error = Assert.Throws<SearchInputException>(() => _searcher.Search(new SearchRequest("", [], 1, 2) { Cursor = "bm90LWEtY3Vyc29y" }));

        Assert.Equal("cursor is not a token this service issued; pass the 'next' value of a previous response unchanged.", error.Message);
    }

    [Fact]
    public void RelatedArticlesNeverIncludeTheArticleItselfAndUnknownIdIsNull()
    {
        Assert.Null(_searcher.Related("no-such-id"));
        Assert.DoesNotContain(_searcher.Related("gespraech-1")!, hit => hit.Article.Id == "gespraech-1");
    }

    [Fact]
    public void FacetsAndSnippetsCanBeLeftOutWithoutChangingHitsOrTotal()
    {
        var full = _searcher.Search(new SearchRequest("Gespräch", ["2020-12", "2021-12"]));
        var bare = _searcher.Search(new SearchRequest("Gespräch", ["2020-12", "2021-12"]) { Facets = false, Snippets = false });

        Assert.Equal(full.Total, bare.Total);
        Assert.Equal(full.Hits.Select(hit => hit.Article.Id), bare.Hits.Select(hit => hit.Article.Id));
        Assert.Empty(bare.Facets.Months);
        Assert.Empty(bare.Facets.Sources);
        Assert.All(bare.Hits, hit => Assert.Equal(string.Empty, hit.Snippet));
        Assert.NotEmpty(full.Facets.Months);
    }

    [Fact]
    public void HitsWithoutSnippetsCarryEveryFieldButTheBody()
    {
        var full = _searcher.Search(new SearchRequest("Gespräch", []));
        var bare = _searcher.Search(new SearchRequest("Gespräch", []) { Snippets = false });

        Assert.NotEmpty(full.Hits);
        Assert.Equal(full.Hits.Select(hit => hit.Article with { Body = string.Empty }), bare.Hits.Select(hit => hit.Article));
        Assert.All(full.Hits, hit => Assert.NotEmpty(hit.Article.Body));
    }

    private static string Label(Facets.FacetCount facet) => $"{facet.Value}:{facet.Count}";
}
