using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Api.Tests;

// Checks: articles an indexer commits while the API serves become searchable without a restart, within
// about a second, and searches running meanwhile never fail.
public class LiveUpdateTests
{
    [Fact]
    public async Task ArticlesIndexedWhileServingBecomeSearchableAndSearchesNeverFail()
    {
        await using var factory = new SearchApiFactory();
        var client = factory.CreateClient();
        Assert.Equal(0, await TotalFor(client, "Zeppelin"));

        var batches = Enumerable.Range(0, 5).Select(batch => WriteBatch(batch, 200)).ToList();
        using var stop = new CancellationTokenSource();
        var searches = 0;
        var searching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.GetAsync("/api/search?q=Zeppelin%20Landung&month=2020-06");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                searches++;
            }
        });

        foreach (var batch in batches)
        {
            CorpusImporter.Import([batch], factory.IndexPath);
        }

        var clock = Stopwatch.StartNew();
        while (await TotalFor(client, "Zeppelin") < 1000 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await searching;
        Assert.Equal(1000, await TotalFor(client, "Zeppelin"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"visible after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(searches > 0);
    }

    private static string WriteBatch(int batch, int count)
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("live"), $"batch-{batch}.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            id = $"live-{batch}-{i}",
            date = "2020-06-0" + (1 + (i % 9)),
            title = $"Zeppelin Nummer {i}",
            body = "Die Landung des Zeppelins am Bodensee verlief ohne Zwischenfälle.",
        })));
        return path;
    }

    private static async Task<int> TotalFor(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/search?q={query}&size=1"));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
