using System.Globalization;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Tests.Shared;

namespace Search.Core.Tests.Scoring;

/// <summary>
/// An index of <see cref="Count"/> made-up articles in several segments, some of them written twice (so each older
/// segment holds deleted copies), with a few words common enough for score tables (<see cref="CommonWords"/>), some
/// only inside compounds, and rarer ones; opened with the default table budget and with none.
/// </summary>
public sealed class CommonWordsFixture : IDisposable
{
    public const int Count = 640;

    // Drawn with a skew: the first words are in most articles, the last in few.
    private static readonly string[] Words =
    [
        "Hafen", "Schiff", "Wetter", "Regierung", "Zug", "Containerhafen", "Hafenbecken", "Schule", "Impfung", "Theater",
        "Gericht", "Polizei", "Museum", "Wahlkampf", "Flughafen", "Bahnhof",
    ];

    public CommonWordsFixture()
    {
        IndexPath = TestCorpus.CreateTempFolder("common-words-index");
        var random = new Random(20261126);
        using (var writer = ArticleIndexWriter.Open(IndexPath))
        {
            for (var i = 0; i < Count; i++)
            {
                writer.Upsert(Article(i, random));
                if (i % 160 == 159)
                {
                    // Some articles of earlier commits written again, changed: their old copies are deleted.
                    for (var again = 0; again < 12; again++)
                    {
                        writer.Upsert(Article(random.Next(i), random));
                    }

                    writer.Commit();
                }
            }

            writer.Commit();
        }

        WithTables = ArticleSearcher.Open(IndexPath);
        WithoutTables = ArticleSearcher.Open(IndexPath, commonWordBudget: 0);
        InParts = ArticleSearcher.Open(IndexPath);
        InParts.ParallelMinDocs = 0;
        InParts.Parallelism = 3;
    }

    public string IndexPath { get; }

    public ArticleSearcher WithTables { get; }

    public ArticleSearcher WithoutTables { get; }

    /// <summary>With tables, every search in three parallel parts, each a run of articles that starts inside a segment.</summary>
    public ArticleSearcher InParts { get; }

    public void Dispose()
    {
        WithTables.Dispose();
        WithoutTables.Dispose();
        InParts.Dispose();
    }

    private static NewsArticle Article(int i, Random random)
    {
        string Word() => Words[(int)Math.Floor(Math.Pow(random.NextDouble(), 5) * Words.Length)];
        var body = string.Join(' ', Enumerable.Range(0, random.Next(3, 16)).Select(_ => Word())) + '.';
        var month = new DateOnly(2020, 1, 1).AddMonths(i % 12);
        return new NewsArticle(
            $"common-{i:D3}",
            $"{Word()} und {Word()}",
            month.AddDays(random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            body,
            Caption: random.Next(4) == 0 ? $"Bild: {Word()}" : null,
            Source: random.Next(2) == 0 ? "example.de" : "beispiel.de");
    }
}

// Checks: the most common words of the body get score tables, as many as the budget holds, and none without a budget;
// every kind of search (one or several words, exclusions, OR, phrases, a field, a prefix, typos, filters, every order,
// facets, every page through the cursor, in parallel parts) finds exactly the same hits, scores, totals, facets and cursors with the
// tables as without them, deleted articles included; a new snapshot answers at once and gets tables of its own in the
// background, with its new articles.
public class CommonWordsTests(CommonWordsFixture fixture) : IClassFixture<CommonWordsFixture>
{
    public static TheoryData<string, SearchSort, string[]> Searches => new()
    {
        { "Hafen", SearchSort.Relevance, [] },
        { "Schiff", SearchSort.Newest, [] },
        { "Hafen Schiff", SearchSort.Relevance, [] },
        { "Hafen Schiff Wetter", SearchSort.Fresh, [] },
        { "Hafen Museum", SearchSort.Relevance, [] },
        { "Schiff -Wetter", SearchSort.Relevance, [] },
        { "Hafen OR Theater", SearchSort.Oldest, [] },
        { "\"Hafen Schiff\"", SearchSort.Relevance, [] },
        { "title:Hafen Schiff", SearchSort.Relevance, [] },
        { "Haf* Wetter", SearchSort.Relevance, [] },
        { "Regierng Wettr", SearchSort.Relevance, [] },
        { "Hafen", SearchSort.Relevance, ["2020-03"] },
        { "Schiff Regierung", SearchSort.Relevance, ["2020-01", "2020-07"] },
        { "Wetter Zug", SearchSort.Newest, ["2020-11"] },
    };

    [Fact]
    public void TheMostCommonWordsOfTheBodyGetTablesAsFarAsTheBudgetGoes()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var terms = MultiFields.GetTerms(reader, ArticleFields.Body).GetEnumerator();
        var byArticles = new List<(string Word, int Articles)>();
        while (terms.MoveNext())
        {
            var word = terms.Term.Utf8ToString();
            if (!word.StartsWith(CompoundPartMarkFilter.Marker) && terms.DocFreq >= CommonWords.MinArticles)
            {
                byArticles.Add((word, terms.DocFreq));
            }
        }

        var expected = byArticles.OrderByDescending(word => word.Articles).ThenBy(word => word.Word, StringComparer.Ordinal).Select(word => word.Word).ToList();
        Assert.InRange(expected.Count, 4, 12);
        Assert.Equal(expected, fixture.WithTables.Snapshots.CommonWordTables);
        Assert.Empty(fixture.WithoutTables.Snapshots.CommonWordTables);
        Assert.Equal(0, fixture.WithoutTables.CommonWords.Bytes);

        var all = fixture.WithTables.CommonWords;
        Assert.Equal(expected.Count, all.Words);
        Assert.InRange(all.Bytes, 1, CommonWords.DefaultBudget);

        // One byte less, and the last word no longer fits.
        using var lessMemory = ArticleSearcher.Open(fixture.IndexPath, commonWordBudget: all.Bytes - 1);
        Assert.Equal(expected.SkipLast(1), lessMemory.Snapshots.CommonWordTables);
        Assert.InRange(lessMemory.CommonWords.Bytes, 1, all.Bytes - 1);
    }

    [Fact]
    public void ACommonWordIsReadFromItsTableAndARareOneFromItsPostings()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new Lucene.Net.Search.IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var common = CommonWords.Build(searcher, CommonWords.DefaultBudget);
        using var lookups = new TermLookups(searcher.TopReaderContext, common);

        var query = (Lucene.Net.Search.BooleanQuery)lookups.Resolve(new QueryFactory(new GermanNewsAnalyzer()).Create("Hafen Museum").Matching);

        Assert.IsType<CommonWordQuery>(query.Clauses[0].Query);
        Assert.IsType<CombinedFieldQuery>(query.Clauses[1].Query);
        // Every article has one of these words; the deleted copies, which are in the tables' segments, are not counted.
        Assert.Equal(CommonWordsFixture.Count, fixture.WithTables.Search(new SearchRequest("Hafen OR Museum OR Bahnhof OR Schiff OR Wetter", [])).Total);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public void SearchesThroughTheTablesFindExactlyWhatThePostingsFind(string query, SearchSort sort, string[] months)
    {
        Assert.NotEmpty(fixture.WithTables.Snapshots.CommonWordTables);
        foreach (var facets in new[] { false, true })
        {
            var request = new SearchRequest(query, months, 1, 7) { Facets = facets, Sort = sort };
            var pages = 0;
            for (string? cursor = null; pages == 0 || cursor is not null; pages++)
            {
                var without = fixture.WithoutTables.Search(request with { Cursor = cursor });
                var with = fixture.WithTables.Search(request with { Cursor = cursor });
                Assert.Equal(Described(without), Described(with));
                Assert.Equal(Described(without), Described(fixture.InParts.Search(request with { Cursor = cursor })));
                cursor = with.Next;
            }

            Assert.True(pages > 1, $"'{query}' should find more than one page");
            var third = request with { Page = 3 };
            Assert.Equal(Described(fixture.WithoutTables.Search(third)), Described(fixture.WithTables.Search(third)));
        }
    }

    [Fact]
    public void ANewSnapshotGetsTablesOfItsOwnWithItsNewArticlesAndWithoutItsDeletedOnes()
    {
        var index = TestCorpus.CreateTempFolder("common-words-refresh");
        using var writer = ArticleIndexWriter.Open(index);
        for (var i = 0; i < 200; i++)
        {
            writer.Upsert(new NewsArticle($"a{i:D3}", $"Meldung {i}", "2020-04-02", i % 2 == 0 ? "Der Hafen wächst." : "Der Hafen und das Schiff."));
        }

        writer.Commit();
        using var searcher = ArticleSearcher.Open(index);
        var hafen = new QueryFactory(new GermanNewsAnalyzer()).Analyze("Hafen")[0];
        Assert.Contains(hafen, searcher.Snapshots.CommonWordTables);
        Assert.Equal(200, searcher.Search(new SearchRequest("Hafen", [])).Total);

        for (var i = 0; i < 30; i++)
        {
            writer.Delete($"a{i:D3}");
        }

        writer.Upsert(new NewsArticle("b001", "Neu", "2020-05-01", "Ein neuer Hafen."));
        writer.Commit();
        searcher.RefreshNow();

        // The new snapshot answers at once, from the postings until its tables are built, then from them: the same.
        var request = new SearchRequest("Hafen", [], 1, 100) { Sort = SearchSort.Newest };
        var beforeTables = searcher.Search(request);
        searcher.Snapshots.WaitForTables();
        Assert.Contains(hafen, searcher.Snapshots.CommonWordTables);
        var found = searcher.Search(request);
        Assert.Equal(beforeTables.Hits.Select(hit => (hit.Article.Id, hit.Score)), found.Hits.Select(hit => (hit.Article.Id, hit.Score)));
        Assert.Equal(171, found.Total);
        Assert.Equal("b001", found.Hits[0].Article.Id);
        Assert.DoesNotContain(found.Hits, hit => string.CompareOrdinal(hit.Article.Id, "a030") < 0 && hit.Article.Id.StartsWith('a'));
    }

    [Fact]
    public void DisposingWhileANewSnapshotsTablesAreBuildingWaitsForThemAndLeavesTheIndexWhole()
    {
        var index = TestCorpus.CreateTempFolder("common-words-dispose");
        using (var writer = ArticleIndexWriter.Open(index))
        {
            // Forty words in every article: forty tables, so a build is still running when the searcher is disposed.
            var words = string.Join(' ', Enumerable.Range(0, 40).Select(word => $"Wort{(char)('a' + (word / 26))}{(char)('a' + (word % 26))}"));
            for (var i = 0; i < 400; i++)
            {
                writer.Upsert(new NewsArticle($"a{i:D3}", $"Meldung {i}", "2020-04-02", $"Der Hafen wächst. {words}."));
            }

            writer.Commit();
            var searcher = ArticleSearcher.Open(index);
            for (var round = 0; round < 5; round++)
            {
                writer.Upsert(new NewsArticle($"b{round}", "Neu", "2020-05-01", "Ein neuer Hafen."));
                writer.Commit();
                searcher.RefreshNow();
            }

            // The last snapshot's tables may still be building; the builds of the ones before it were cancelled.
            searcher.Dispose();
            Assert.Equal(0, searcher.Snapshots.BuildsRunning);
        }

        using var reopened = ArticleSearcher.Open(index);
        Assert.Equal(405, reopened.Search(new SearchRequest("Hafen", [])).Total);
        Assert.NotEmpty(reopened.Snapshots.CommonWordTables);
    }

    private static string Described(SearchResult result) => string.Join('\n', [
        FormattableString.Invariant($"{result.Total} {result.Next} {result.DidYouMean} {result.Fuzzy} {result.Partial}"),
        .. new[] { result.Facets.Months, result.Facets.Years, result.Facets.Sources }.Select(facet => string.Join(',', facet.Select(count => $"{count.Value}={count.Count}"))),
        .. result.Hits.Select(hit => FormattableString.Invariant($"{hit.Article.Id} {hit.Score:R} {hit.Snippet}"))]);
}
