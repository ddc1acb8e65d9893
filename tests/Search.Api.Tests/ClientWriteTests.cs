using System.Net;
using Search.Client;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Api.Tests;

// Checks Search.Client's writes against the real API with keys configured: put adds then leaves unchanged, ids are
// escaped in the URL, delete answers true then false, bulk reports a bad article per line, invalid fields and
// missing or wrong keys arrive as SearchApiException (400, 401, 403), and a busy index carries Retry-After.
public class ClientWriteTests(KeyedSearchApiFactory factory) : IClassFixture<KeyedSearchApiFactory>
{
    private static readonly ArticleInput Ferry = new()
    {
        Title = "Neue Fähre über den Rhein",
        Date = "2021-03-02",
        Body = "Die Fähre verbindet ab Montag beide Ufer.",
        Source = "example.de",
    };

    private readonly NewsSearchClient _admin = new(factory.CreateClient(), KeyedSearchApiFactory.AdminKey);

    [Fact]
    public async Task PutAddsThenLeavesTheSameArticleUnchangedAndItIsReadableAtOnce()
    {
        var added = await _admin.PutArticleAsync("fähre 1", Ferry);
        var again = await _admin.PutArticleAsync("fähre 1", Ferry);

        Assert.Equal(("fähre 1", "added"), (added.Id, added.Result));
        Assert.Equal("unchanged", again.Result);
        var article = await _admin.GetArticleAsync("fähre 1");
        Assert.Equal(("Neue Fähre über den Rhein", "example.de", null), (article?.Title, article?.Source, article?.Caption));
        var found = await _admin.SearchAsync(new SearchQuery { Q = "Fähre Rhein" });
        Assert.Equal("fähre 1", Assert.Single(found.Hits).Id);
    }

    [Fact]
    public async Task PutWithAChangedArticleUpdatesIt()
    {
        await _admin.PutArticleAsync("faehre-2", Ferry);

        var changed = await _admin.PutArticleAsync("faehre-2", Ferry with { Body = "Die Fähre fährt erst ab Mai." });

        Assert.Equal("updated", changed.Result);
    }

    [Fact]
    public async Task DeleteAnswersTrueThenFalse()
    {
        await _admin.PutArticleAsync("faehre-3", Ferry);

        Assert.True(await _admin.DeleteArticleAsync("faehre-3"));
        Assert.False(await _admin.DeleteArticleAsync("faehre-3"));
        Assert.Null(await _admin.GetArticleAsync("faehre-3"));
    }

    [Fact]
    public async Task BulkStoresTheValidArticlesAndReportsTheBadOne()
    {
        var response = await _admin.BulkAsync(
        [
            Ferry with { Id = "bulk-1", Title = "Erste Meldung" },
            Ferry with { Id = "bulk-2", Date = "2021-13-01" },
            Ferry with { Id = "bulk-3", Title = "Dritte Meldung", Date = "2021-03" },
        ]);

        Assert.Equal((2, 0, 0, 1), (response.Added, response.Updated, response.Unchanged, response.Failed));
        Assert.Equal(["1:bulk-1:added", "2::error", "3:bulk-3:added"], response.Lines.Select(line => $"{line.Line}:{line.Id}:{line.Result}"));
        Assert.Equal("date must be YYYY-MM-DD or YYYY-MM, e.g. 2021-12-09; got '2021-13-01'.", response.Lines[1].Error);
        Assert.NotNull(await _admin.GetArticleAsync("bulk-3"));
    }

    [Fact]
    public async Task InvalidArticleThrowsNamingEachField()
    {
        var error = await Assert.ThrowsAsync<SearchApiException>(() => _admin.PutArticleAsync("bad-1", Ferry with { Title = " ", Date = "2021-13-01" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("The article is invalid.", error.Title);
        Assert.Equal(["date", "title"], error.Errors.Keys.Order());
        Assert.Contains("date: date must be YYYY-MM-DD or YYYY-MM, e.g. 2021-12-09; got '2021-13-01'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteWithoutAKeyThrows401()
    {
        var anonymous = new NewsSearchClient(factory.CreateClient());

        var error = await Assert.ThrowsAsync<SearchApiException>(() => anonymous.PutArticleAsync("faehre-4", Ferry));

        Assert.Equal((HttpStatusCode.Unauthorized, "missing_or_invalid_key"), (error.Status, error.Code));
        Assert.Equal("Writes need the admin key: send Authorization: Bearer <key>.", error.Detail);
    }

    [Fact]
    public async Task WriteWithTheReadKeyThrows403()
    {
        var reader = new NewsSearchClient(factory.CreateClient(), KeyedSearchApiFactory.ReadKey);

        var put = await Assert.ThrowsAsync<SearchApiException>(() => reader.PutArticleAsync("faehre-4", Ferry));
        var delete = await Assert.ThrowsAsync<SearchApiException>(() => reader.DeleteArticleAsync(TestCorpus.SeedId));
        var bulk = await Assert.ThrowsAsync<SearchApiException>(() => reader.BulkAsync([Ferry with { Id = "faehre-4" }]));

        Assert.All([put, delete, bulk], error => Assert.Equal((HttpStatusCode.Forbidden, "read_key_cannot_write"), (error.Status, error.Code)));
        Assert.Equal("The read key allows searching only; writes need the admin key.", put.Detail);
    }

    [Fact]
    public async Task SearchWithoutTheReadKeyThrows401AndWithItSucceeds()
    {
        var anonymous = new NewsSearchClient(factory.CreateClient());
        var reader = new NewsSearchClient(factory.CreateClient(), KeyedSearchApiFactory.ReadKey);

        var error = await Assert.ThrowsAsync<SearchApiException>(() => anonymous.SearchAsync(new SearchQuery { Q = "Genf" }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal(1, (await reader.SearchAsync(new SearchQuery { Q = "Genf" })).Total);
    }

    [Fact]
    public async Task WriteWhileAnotherWriterHoldsTheIndexThrows503WithRetryAfter()
    {
        await _admin.HealthAsync();
        SearchApiException error;
        using (ArticleIndexWriter.Open(factory.IndexPath))
        {
            error = await Assert.ThrowsAsync<SearchApiException>(() => _admin.PutArticleAsync("faehre-5", Ferry));
        }

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "index_unavailable"), (error.Status, error.Code));
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Contains("locked by another writer", error.Detail, StringComparison.Ordinal);
        Assert.Equal("added", (await _admin.PutArticleAsync("faehre-5", Ferry)).Result);
    }
}
