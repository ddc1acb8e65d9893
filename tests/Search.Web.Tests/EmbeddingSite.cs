using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Search.Web.Tests;

/// <summary>
/// Another web site on its own origin (127.0.0.1, another port) whose page embeds the widget with the documented
/// snippet: one element and one script tag pointing at the API's origin. It sends a strict CSP of its own that lets in
/// only what an embedder has to allow for the widget.
/// </summary>
public sealed class EmbeddingSite : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The site's origin, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The API the page embeds; set once the API runs (the API needs this site's origin first).</summary>
    public string ApiOrigin { get; set; } = "";

    public static async Task<EmbeddingSite> StartAsync()
    {
        var site = new EmbeddingSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        site._app = builder.Build();
        site._app.MapGet("/", site.Serve);
        await site._app.StartAsync();
        site.Origin = site._app.Urls.Single().TrimEnd('/');
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // ?size=N adds data-size="N" to the embed element.
    private IResult Serve(HttpContext context, int? size)
    {
        context.Response.Headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src {ApiOrigin}; style-src {ApiOrigin}; connect-src {ApiOrigin}; img-src 'self' data:";
        return Results.Content(Page(size), "text/html; charset=utf-8");
    }

    private string Page(int? size) => $"""
        <!doctype html>
        <html lang="de">
        <head>
          <meta charset="utf-8">
          <title>Partnerseite</title>
          <link rel="icon" href="data:,">
        </head>
        <body>
          <h1>Eine Partnerseite</h1>
          <p>Die Seite eines anderen Angebots, das die Nachrichtensuche einbettet.</p>
          <div data-news-search data-placeholder="Archiv durchsuchen" {(size is null ? "" : $"data-size=\"{size}\"")}></div>
          <script src="{ApiOrigin}/widget.js" defer></script>
        </body>
        </html>
        """;
}
