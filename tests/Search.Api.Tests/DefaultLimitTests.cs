using System.Net;

namespace Search.Api.Tests;

// Checks: with nothing configured, the service throttles no one: an app that embeds the search behind one server
// address (one client to the API) may send a burst of searches (issue 22: its 601st search in a minute got a 429).
[Collection(CpuHeavyRunsAlone.Name)]
public class DefaultLimitTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task DefaultServiceAnswersABurstOf1500SearchesFromOneClientWithoutA429()
    {
        using var client = factory.CreateClient();
        string[] queries = ["Genf", "Gespräche", "Impfstoff", "Corona Regeln", "Merkel"];
        var statuses = new HttpStatusCode[1500];
        var next = -1;

        // Eight requests in flight at a time, all from the one client, as a busy app server sends them.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < statuses.Length; i = Interlocked.Increment(ref next))
            {
                using var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(queries[i % queries.Length])}&size=1");
                statuses[i] = response.StatusCode;
            }
        })));

        Assert.Equal(0, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
