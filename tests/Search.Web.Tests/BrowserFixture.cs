using System.Text.Json;
using Microsoft.Playwright;

namespace Search.Web.Tests;

/// <summary>
/// One API, two embedding sites and one Chromium for all browser tests. The API allows cross-origin calls from
/// <see cref="AllowedSite"/> only (Search:CorsOrigins); <see cref="UnlistedSite"/> is any other site.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; .ci/run installs it. Playwright's own browser downloads are not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelSearchApi Api { get; private set; } = null!;

    public EmbeddingSite AllowedSite { get; private set; } = null!;

    public EmbeddingSite UnlistedSite { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}. Install it: apt-get update && apt-get install -y --no-install-recommends chromium");
        }

        AllowedSite = await EmbeddingSite.StartAsync();
        UnlistedSite = await EmbeddingSite.StartAsync();
        Api = new KestrelSearchApi([AllowedSite.Origin]);
        AllowedSite.ApiOrigin = UnlistedSite.ApiOrigin = Api.Start();
        await CompletionsBuiltAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                // Root in a container: Chromium's sandbox needs user namespaces that CI machines do not offer.
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    // The index's completion words are built in the background after it opens: wait for them, so a test's first
    // keystrokes find them (a readiness check, not a timing assertion).
    private async Task CompletionsBuiltAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Api.Origin) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using (var json = JsonDocument.Parse(await client.GetStringAsync("/api/suggest?q=Gespr")))
            {
                if (json.RootElement.GetProperty("suggestions").GetArrayLength() > 0)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The API built no completion words within a minute.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A fresh browser context (no cookies, no cache) with one page that records script errors.</summary>
    public async Task<BrowserSession> OpenAsync(string baseUrl)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 1100, Height = 800 },
        });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Api.DisposeAsync();
        await AllowedSite.DisposeAsync();
        await UnlistedSite.DisposeAsync();
    }
}
