using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Search.Tests.Shared;

namespace Search.Web.Tests;

/// <summary>
/// The real API on a real socket (Kestrel on 127.0.0.1, a free port) so a browser can reach it, over a fresh index
/// that it builds from the seeds and the fixture articles on first start, as `dotnet run` does on a fresh clone.
/// </summary>
public sealed class KestrelSearchApi : WebApplicationFactory<Program>
{
    private readonly IReadOnlyList<string> _corsOrigins;

    public KestrelSearchApi(IReadOnlyList<string> corsOrigins)
    {
        _corsOrigins = corsOrigins;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string IndexPath { get; } = TestCorpus.CreateTempFolder("web-index");

    public string SeedsPath { get; } = TestCorpus.CreateCorpusFolder();

    /// <summary>The origin the API listens on, e.g. <c>http://127.0.0.1:41234</c>; set by <see cref="Start"/>.</summary>
    public string Origin { get; private set; } = "";

    public string Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Origin = addresses.Single().TrimEnd('/');
        return Origin;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:SeedsPath", SeedsPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The browser tests measure no speed; a warm-up would only delay each host.
        builder.UseSetting("Search:WarmUpSeconds", "0");
        for (var i = 0; i < _corsOrigins.Count; i++)
        {
            builder.UseSetting($"Search:CorsOrigins:{i}", _corsOrigins[i]);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var folder in new[] { IndexPath, SeedsPath })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a test run over it.
            }
        }
    }
}
