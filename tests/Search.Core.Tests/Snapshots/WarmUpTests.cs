using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Snapshots;
using Search.Core.Tests.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Snapshots;

// Checks: WarmUp runs searches made from the index for its budget and leaves every result as it was; on an empty
// index, or with no budget, it runs nothing and returns at once.
public class WarmUpTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly SearchRequest[] Requests =
    [
        new("Hafen", []),
        new("Hafen Schiff", ["2020-04"]) { Facets = false },
        new("\"Hafen und Schiff\"", [], 2, 5) { Sources = ["example.de"] },
        new("Regierng", []),
        new("", [], 1, 20) { Sort = SearchSort.Newest },
    ];

    [Fact]
    public void WarmUpSearchesForItsBudgetAndChangesNoResult()
    {
        var before = Requests.Select(Described).ToList();

        var warmUp = fixture.Searcher.WarmUp(TimeSpan.FromMilliseconds(300));

        Assert.True(warmUp.Searches > 0);
        Assert.True(warmUp.Elapsed >= TimeSpan.FromMilliseconds(300), $"{warmUp.Elapsed}");
        Assert.Equal(before, Requests.Select(Described));
    }

    [Fact]
    public void SearchesOfTheWarmUpComeFromTheIndexAndAreValid()
    {
        var searches = fixture.Searcher.Snapshots.Use(WarmUpSearches.From);

        Assert.True(searches.Count > 100, $"{searches.Count}");
        Assert.All(searches, request => fixture.Searcher.Search(request));
        Assert.Contains(searches, request => fixture.Searcher.Search(request).Fuzzy);
        Assert.Contains(searches, request => request.Months.Count > 0 && !request.Facets);
        Assert.Contains(searches, request => request.Page == 2);
    }

    [Fact]
    public void WarmUpOnAnEmptyIndexDoesNothing()
    {
        var index = TestCorpus.CreateTempFolder("empty-index");
        using (var writer = ArticleIndexWriter.Open(index))
        {
            writer.Commit();
        }

        using var searcher = ArticleSearcher.Open(index);
        var warmUp = searcher.WarmUp(TimeSpan.FromSeconds(5));

        Assert.Equal(0, warmUp.Searches);
        Assert.True(warmUp.Elapsed < TimeSpan.FromSeconds(5), $"{warmUp.Elapsed}");
    }

    [Fact]
    public void WarmUpWithoutBudgetDoesNothing()
    {
        Assert.Equal(new WarmUpResult(0, TimeSpan.Zero), fixture.Searcher.WarmUp(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Searcher.WarmUp(TimeSpan.FromSeconds(-1)));
    }

    private string Described(SearchRequest request)
    {
        var result = fixture.Searcher.Search(request);
        return string.Join('\n', [
            FormattableString.Invariant($"{result.Total} {result.Next} {result.DidYouMean} {result.Fuzzy}"),
            string.Join(' ', result.Facets.Months.Select(count => $"{count.Value}:{count.Count}")),
            .. result.Hits.Select(hit => FormattableString.Invariant($"{hit.Article.Id} {hit.Score:R} {hit.Snippet}"))]);
    }
}
