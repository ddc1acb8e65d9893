using Search.Client;

namespace Search.Api.Tests;

// Checks SearchQuery.ToQueryString on its own: escaping, repeated list parameters, the sort names, and leaving
// out whatever is unset so the service's defaults apply.
public class SearchQueryTests
{
    [Fact]
    public void AnEmptyQueryHasNoParameters() =>
        Assert.Equal("", new SearchQuery().ToQueryString());

    [Fact]
    public void ValuesAreEscapedAndListsRepeated() =>
        Assert.Equal(
            "q=Genf%20Gespr%C3%A4che%20%26%20%22Co%2B%22&month=2021-11&month=2021-12&year=2021&source=zeit.de&source=a%26b%3Dc",
            new SearchQuery { Q = "Genf Gespräche & \"Co+\"", Months = ["2021-11", "2021-12"], Years = ["2021"], Sources = ["zeit.de", "a&b=c"] }.ToQueryString());

    [Fact]
    public void EveryParameterHasItsName() =>
        Assert.Equal(
            "from=2020-11-10&to=2021-01&sort=oldest&page=2&size=50&cursor=abc%2Fdef%3D%3D",
            new SearchQuery { From = "2020-11-10", To = "2021-01", Sort = SearchSort.Oldest, Page = 2, Size = 50, Cursor = "abc/def==" }.ToQueryString());

    [Theory]
    [InlineData(SearchSort.Relevance, "sort=relevance")]
    [InlineData(SearchSort.Newest, "sort=newest")]
    [InlineData(SearchSort.Oldest, "sort=oldest")]
    public void SortIsSentByItsLowercaseName(SearchSort sort, string expected) =>
        Assert.Equal(expected, new SearchQuery { Sort = sort }.ToQueryString());
}
