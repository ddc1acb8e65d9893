using OpenTelemetry.Metrics;

namespace Search.Api.Metrics;

/// <summary>
/// OpenTelemetry metrics exported for Prometheus at <c>/metrics</c>: ASP.NET Core's requests by route and status
/// (<c>http.server.request.duration</c>) and the service's own instruments (<see cref="SearchMetrics"/>).
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(SearchMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>The scraping endpoint; a scraper is never rate limited.</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting();
        return app;
    }
}
