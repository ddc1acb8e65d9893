using Search.Core.Documents;
using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Querying;

/// <summary>
/// An index of <see cref="Count"/> made-up articles of varied length over 16 months, 2019-11 to 2021-02, from three
/// outlets and none, written in several commits (so several segments): enough for scores, ties and filters to differ.
/// </summary>
public sealed class VariedCorpusFixture : IDisposable
{
    public const int Count = 480;

    private static readonly string[] Words =
    [
        "Hafen", "Schiff", "Zug", "Wetter", "Regierung", "Schule", "Impfung", "Fußball", "Theater", "Brücke",
        "Gericht", "Polizei", "Museum", "Wahlkampf", "Flughafen", "Bahnhof", "Krankenhaus", "Rathaus", "Energie", "Klima",
    ];

    private static readonly string?[] Outlets = ["example.de", "beispiel.de", "muster.de", null];

    public VariedCorpusFixture()
    {
        IndexPath = TestCorpus.CreateTempFolder("varied-index");
        var random = new Random(20201104);
        using (var writer = ArticleIndexWriter.Open(IndexPath))
        {
            for (var i = 0; i < Count; i++)
            {
                var month = new DateOnly(2019, 11, 1).AddMonths(i % 16);
                var body = string.Join(' ', Enumerable.Range(0, random.Next(4, 60)).Select(_ => Words[(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * Words.Length)])) + '.';
                writer.Upsert(new NewsArticle(
                    $"varied-{i:D3}",
                    $"{Words[random.Next(Words.Length)]} und {Words[random.Next(Words.Length)]}",
                    month.AddDays(random.Next(28)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    body,
                    Source: Outlets[random.Next(Outlets.Length)]));
                if (i % 100 == 99)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
        }

        Searcher = ArticleSearcher.Open(IndexPath);
    }

    public string IndexPath { get; }

    public ArticleSearcher Searcher { get; }

    public void Dispose() => Searcher.Dispose();
}

// Checks: a search without facets is restricted to its month, year and source filters up front (a cached filter per
// segment) and still finds exactly what the unfiltered search finds inside the filters (by date: with the same scores
// and order; by relevance the proximity reward goes to the first hits of each search, see ProximityRescorer);
// with the up-front restriction on or off every result is the same, the typo-tolerant retry included; the restriction
// follows new and deleted articles; the filter cache stays within its capacity.
public class PreFilterTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private readonly ArticleSearcher _searcher = fixture.Searcher;

    public static TheoryData<string, string[], string[], string[]> Filters => new()
    {
        { "Hafen", ["2020-04"], [], [] },
        { "Hafen Schiff", ["2020-04", "2019-12"], [], [] },
        { "\"Hafen und Schiff\"", [], ["2020"], [] },
        { "Wetter OR Klima", [], [], ["beispiel.de"] },
        { "Regierung -Schule", ["2020-01", "2020-02", "2021-02"], ["2020"], ["example.de", "muster.de"] },
        { "Zug", [], ["2019", "2021"], ["example.de"] },
        { "", ["2020-06"], [], [] },
        { "Hafen", ["2031-01"], [], [] },
        { "Hafen", [], [], ["nirgends.de"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void FilteredSearchFindsWhatTheUnfilteredSearchFindsInsideTheFilters(string query, string[] months, string[] years, string[] sources)
    {
        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
        {
            var filtered = new SearchRequest(query, months, 1, 100) { Years = years, Sources = sources, Facets = false, Snippets = false, Sort = sort };
            var unfiltered = new SearchRequest(query, [], 1, 100) { Facets = false, Snippets = false, Sort = sort };

            var expected = AllHits(unfiltered)
                .Where(hit => months.Length == 0 || months.Contains(hit.Article.Month))
                .Where(hit => years.Length == 0 || years.Contains(hit.Article.Month[..4]))
                .Where(hit => sources.Length == 0 || sources.Contains(hit.Article.Source))
                .Select(Described)
                .ToList();

            var found = AllHits(filtered).Select(Described).ToList();
            if (sort == SearchSort.Relevance && query.Contains(' ', StringComparison.Ordinal))
            {
                // The words' proximity counts for the first hits of the filtered search, which may lie beyond the
                // first hits of the unfiltered one: the same articles, scores and order may differ further down.
                (expected, found) = ([.. expected.Select(Id).Order()], [.. found.Select(Id).Order()]);
            }

            Assert.Equal(expected, found);
            Assert.Equal(expected.Count, _searcher.Search(filtered).Total);
        }
    }

    [Theory]
    [InlineData("Hafen", SearchSort.Relevance, 1, false)]
    [InlineData("Hafen", SearchSort.Relevance, 2, false)]
    [InlineData("Hafen Brücke", SearchSort.Fresh, 1, false)]
    [InlineData("Hafen Brücke", SearchSort.Oldest, 2, false)]
    [InlineData("Regierng", SearchSort.Relevance, 1, true)] // misspelt: the typo-tolerant retry
    [InlineData("Krankenhaus Flughafn", SearchSort.Relevance, 1, true)]
    [InlineData("", SearchSort.Relevance, 3, false)]
    public void RestrictingUpFrontChangesNoResult(string query, SearchSort sort, int page, bool misspelt)
    {
        var request = new SearchRequest(query, ["2020-03", "2020-09"], page, 5) { Sources = ["example.de", "beispiel.de"], Facets = false, Sort = sort };

        _searcher.Pipeline.PreFilter = false;
        var collectorOnly = _searcher.Search(request);
        _searcher.Pipeline.PreFilter = true;
        var restricted = _searcher.Search(request);

        Assert.Equal(Described(collectorOnly), Described(restricted));
        Assert.Equal(misspelt, restricted.Fuzzy);
        Assert.NotEmpty(restricted.Hits);
    }

    [Fact]
    public void RestrictionFollowsNewAndDeletedArticles()
    {
        var index = TestCorpus.CreateTempFolder("prefilter-index");
        using var writer = ArticleIndexWriter.Open(index);
        writer.Upsert(new NewsArticle("a", "Hafen im April", "2020-04-02", "Der Hafen.", Source: "example.de"));
        writer.Upsert(new NewsArticle("b", "Hafen im April", "2020-04-03", "Der Hafen wächst.", Source: "example.de"));
        writer.Upsert(new NewsArticle("c", "Hafen im Mai", "2020-05-03", "Der Hafen.", Source: "example.de"));
        writer.Commit();
        using var searcher = ArticleSearcher.Open(index);
        var april = new SearchRequest("Hafen", ["2020-04"]) { Facets = false, Snippets = false };
        Assert.Equal(["a", "b"], searcher.Search(april).Hits.Select(hit => hit.Article.Id).Order());

        writer.Delete("a");
        writer.Upsert(new NewsArticle("d", "Hafen im April", "2020-04-20", "Noch ein Hafen.", Source: "example.de"));
        writer.Commit();
        searcher.RefreshNow();

        Assert.Equal(["b", "d"], searcher.Search(april).Hits.Select(hit => hit.Article.Id).Order());
        Assert.Equal(["b", "d"], searcher.Search(april with { Facets = true }).Hits.Select(hit => hit.Article.Id).Order());
    }

    [Fact]
    public void FilterCacheKeepsNoMoreThanItsCapacity()
    {
        var cache = new FilterCache(capacity: 2);
        var query = new Lucene.Net.Search.MatchAllDocsQuery();

        foreach (var month in new[] { "2020-01", "2020-02", "2020-03", "2020-04", "2020-05" })
        {
            cache.Restrict(query, new SearchRequest("", [month]) { Sources = ["example.de"] });
            Assert.InRange(cache.Count, 1, cache.Capacity);
        }
    }

    // Every hit of the search, page after page through the cursor.
    private List<SearchHit> AllHits(SearchRequest request)
    {
        var hits = new List<SearchHit>();
        string? cursor = null;
        do
        {
            var page = _searcher.Search(request with { Cursor = cursor });
            hits.AddRange(page.Hits);
            cursor = page.Next;
        }
        while (cursor is not null);

        return hits;
    }

    private static string Described(SearchHit hit) => FormattableString.Invariant($"{hit.Article.Id} {hit.Score:R} {hit.Snippet}");

    private static string Id(string described) => described[..described.IndexOf(' ', StringComparison.Ordinal)];

    private static string Described(SearchResult result) => string.Join('\n', [
        FormattableString.Invariant($"{result.Total} {result.Next} {result.DidYouMean} {result.Fuzzy} {result.Partial}"),
        .. result.Hits.Select(Described)]);
}
