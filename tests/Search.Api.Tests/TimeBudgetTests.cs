using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Search.Tests.Shared;

namespace Search.Api.Tests;

/// <summary>The API over 3000 made-up articles with a 1 ms time budget per search and no rate limit.</summary>
public sealed class TinyBudgetSearchApiFactory : SearchApiFactory
{
    public const int Articles = 3000;

    public TinyBudgetSearchApiFactory()
    {
        SeedsPath = TestCorpus.CreateTempFolder("budget-corpus");
        File.WriteAllLines(Path.Combine(SeedsPath, "synthetic.jsonl"), Enumerable.Range(1, Articles).Select(i => JsonSerializer.Serialize(new
        {
            id = $"budget-{i:D4}",
            date = $"{2000 + (i % 20)}-{1 + (i % 12):D2}",
            title = $"Meldung Nummer {i}",
            body = $"Der Wetterdienst meldet für Bezirk {i} Regen am Morgen und Sonne am Nachmittag.",
        })));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:Limits:QueryTimeBudgetMs", "1");
        builder.UseSetting("Search:Limits:RequestsPerMinute", "0");
    }
}

// Checks: with Search:Limits:QueryTimeBudgetMs=1, a search that runs out of its budget answers 200 with what it
// collected so far and "partial": true.
public class TimeBudgetTests(TinyBudgetSearchApiFactory factory) : IClassFixture<TinyBudgetSearchApiFactory>
{
    [Fact]
    public async Task SearchOverItsTimeBudgetAnswersPartial()
    {
        var client = factory.CreateClient();
        // Lucene's search clock ticks every 20 ms, and a search over 3000 articles takes less than that: repeat until a
        // tick falls inside one (typically within a few dozen searches; the bound is only a safety net).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement answer;
        do
        {
            var response = await client.GetAsync("/api/search?q=Wetterdienst&size=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answer = json.RootElement.Clone();
        }
        while (!answer.GetProperty("partial").GetBoolean() && DateTime.UtcNow < deadline);

        Assert.True(answer.GetProperty("partial").GetBoolean(), "no search ran out of a 1 ms budget within 30 s");
        Assert.InRange(answer.GetProperty("total").GetInt32(), 0, TinyBudgetSearchApiFactory.Articles - 1);
    }
}
