using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Search.Tests.Shared;

namespace Search.Api.Tests;

/// <summary>
/// The real API pipeline over a fresh index folder. On first start the API indexes its seeds folder, here the
/// repository's seeds plus the made-up fixture articles, exactly as `dotnet run` does on a fresh clone.
/// </summary>
public class SearchApiFactory : WebApplicationFactory<Program>
{
    public string IndexPath { get; } = TestCorpus.CreateTempFolder("api-index");

    public string SeedsPath { get; init; } = TestCorpus.CreateCorpusFolder();

    public string WarmUpSeconds { get; init; } = "0";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:SeedsPath", SeedsPath);
        // Rate limiting is off by default (DefaultLimitTests); RateLimitTests turns it on for itself.
        // Dozens of hosts start in these tests; each would otherwise search for Search:WarmUpSeconds first.
        builder.UseSetting("Search:WarmUpSeconds", WarmUpSeconds);
    }
}
