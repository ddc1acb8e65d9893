using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace Search.Api.Tests;

/// <summary>The API with an admin key, so a test can write.</summary>
public sealed class MetricsApiFactory : SearchApiFactory
{
    public const string AdminKey = "admin-test-key-metrics";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:AdminKey", AdminKey);
    }
}

// Checks: /metrics answers the Prometheus text format with ASP.NET Core's request metric by route and status, and,
// after a search and a write, the service's own: search latency by stage, hits, index articles and size, refresh
// lag and writes by outcome.
public class MetricsTests(MetricsApiFactory factory) : IClassFixture<MetricsApiFactory>
{
    [Fact]
    public async Task AfterASearchAndAWriteMetricsHoldTheRequestMetricAndTheSearchMetrics()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=Genf")).StatusCode);
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/articles/metrics-1")
        {
            Content = JsonContent.Create(new { title = "Messwerte", date = "2021-03-02", body = "Ein Artikel für die Metriken." }),
        };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(put)).StatusCode);

        var metrics = await client.GetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches("""http_server_request_duration_seconds_count\{[^}]*http_request_method="GET"[^}]*http_response_status_code="200"[^}]*http_route="/api/search"[^}]*\} [1-9]""", text);
        Assert.Matches("""search_duration_seconds_count\{[^}]*stage="engine"[^}]*\} [1-9]""", text);
        Assert.Matches("""search_duration_seconds_count\{[^}]*stage="total"[^}]*\} [1-9]""", text);
        Assert.Matches("""search_duration_seconds_bucket\{[^}]*stage="engine"[^}]*le="0.005"[^}]*\} """, text);
        Assert.Matches("""search_hits_count\{[^}]*\} [1-9]""", text);
        Assert.Matches("""search_index_articles\{[^}]*\} [1-9]""", text);
        Assert.Matches("""search_index_size_bytes\{[^}]*\} [1-9]""", text);
        Assert.Matches("""search_index_refresh_lag_seconds\{[^}]*\} [0-9]""", text);
        // At least this write: OpenTelemetry listens to every meter of the name in the process, so the writes of test
        // classes running beside this one (each with its own host) may be counted too.
        Assert.Matches("""search_writes_total\{[^}]*outcome="added"[^}]*\} [1-9]""", text);
    }
}
