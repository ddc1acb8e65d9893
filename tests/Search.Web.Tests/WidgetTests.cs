using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Search.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

// Checks the embeddable widget on another site (another origin, with its own strict CSP): with that origin listed in
// Search:CorsOrigins it searches the API across origins and shows titles, dates and marked snippets, styled by
// widget.css in its shadow root; on a site that is not listed the browser blocks the calls and the widget says so
// instead of showing results, and tells that apart from a service that is down; more hits come with the cursor; markup
// in articles stays text; words found in a title are marked there; the demo page at /widget-demo.html shows it.
[Collection(BrowserSuite.Name)]
public class WidgetTests(BrowserFixture fixture)
{
    private static readonly string Screenshot = Path.Combine(Path.GetTempPath(), "widget.png");

    [Fact]
    public async Task WidgetOnAnAllowedSiteShowsResultsFromTheApi()
    {
        await using var session = await fixture.OpenAsync(fixture.AllowedSite.Origin);
        var page = session.Page;
        await page.GotoAsync("/");
        var widget = page.Locator("[data-news-search]");

        await widget.Locator("input").FillAsync("Genf Gespräche");
        await widget.Locator("input").PressAsync("Enter");

        var hits = widget.Locator("li.hit");
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".hit-title")).ToHaveTextAsync(new Regex("^Angesichts der Spannungen um die Ukraine"));
        await Expect(hits.Locator(".hit-title")).ToHaveAttributeAsync("href", $"{fixture.Api.Origin}/?article={TestCorpus.SeedId}");
        await Expect(hits.Locator(".hit-meta")).ToHaveTextAsync("Dezember 2021");
        await Expect(hits.Locator(".snippet mark")).ToHaveTextAsync(["Gespräche", "Genf"]);
        Assert.Contains("<mark>Genf</mark>", await hits.Locator(".snippet").InnerHTMLAsync(), StringComparison.Ordinal);
        await Expect(widget.Locator(".status")).ToHaveTextAsync("1 Treffer");
        await Expect(widget.Locator("input")).ToHaveAttributeAsync("placeholder", "Archiv durchsuchen");
        // widget.css, loaded from the API's origin into the shadow root, styles the marks (the browser's own is yellow).
        await Expect(hits.Locator("mark").First).ToHaveCSSAsync("background-color", "rgb(255, 224, 102)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot, FullPage = true });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task WidgetOnASiteThatIsNotAllowedShowsAnErrorInsteadOfResults()
    {
        await using var session = await fixture.OpenAsync(fixture.UnlistedSite.Origin);
        var page = session.Page;
        await page.GotoAsync("/");
        var widget = page.Locator("[data-news-search]");

        await widget.Locator("input").FillAsync("Genf Gespräche");
        await widget.Locator("input").PressAsync("Enter");

        await Expect(widget.Locator(".error")).ToHaveTextAsync(
            $"Diese Seite ({fixture.UnlistedSite.Origin}) darf die Nachrichtensuche nicht verwenden: der Dienst muss sie in Search:CorsOrigins erlauben.");
        await Expect(widget.Locator("li.hit")).ToHaveCountAsync(0);
        Assert.Contains(session.Errors, error => error.Contains("blocked by CORS policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WidgetWhoseServiceIsDownSaysItIsUnreachable()
    {
        await using var session = await fixture.OpenAsync(fixture.AllowedSite.Origin);
        var page = session.Page;
        await page.GotoAsync("/");
        // The script and its styles came; now the service answers nothing (as when it went down after).
        await page.RouteAsync($"{fixture.Api.Origin}/api/**", route => route.AbortAsync());
        await page.RouteAsync($"{fixture.Api.Origin}/health", route => route.AbortAsync());
        var widget = page.Locator("[data-news-search]");

        await widget.Locator("input").FillAsync("Genf Gespräche");
        await widget.Locator("input").PressAsync("Enter");

        await Expect(widget.Locator(".error")).ToHaveTextAsync("Die Suche ist gerade nicht erreichbar.");
        await Expect(widget.Locator("li.hit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WidgetMarksTheWordsInTheTitleOfAHitFoundByItsTitle()
    {
        await using var session = await fixture.OpenAsync(fixture.AllowedSite.Origin);
        var page = session.Page;
        await page.GotoAsync("/");
        var widget = page.Locator("[data-news-search]");

        await widget.Locator("input").FillAsync("Stadtrand");
        await widget.Locator("input").PressAsync("Enter");

        var hit = widget.Locator("li.hit");
        await Expect(hit.Locator(".hit-title mark")).ToHaveTextAsync("Stadtrand");
        await Expect(hit.Locator(".hit-title")).ToHaveTextAsync("Neue Häuser am Stadtrand");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task WidgetDemoPageShowsTheWidgetWithItsEmbedCode()
    {
        await using var session = await fixture.OpenAsync(fixture.Api.Origin);
        var page = session.Page;

        await page.GotoAsync("/widget-demo.html");

        var first = page.Locator("#demo-query");
        await Expect(first.Locator("li.hit")).ToHaveCountAsync(3);
        await Expect(first.Locator("input")).ToHaveValueAsync("Gespräche");
        await Expect(page.Locator("#demo-empty input")).ToHaveAttributeAsync("placeholder", "Nachrichten durchsuchen …");
        await Expect(page.Locator("#embed-code")).ToContainTextAsync($"<script src=\"{fixture.Api.Origin}/widget.js\" defer></script>");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task WidgetSearchesWhileTypingAndLoadsMoreHitsWithTheCursor()
    {
        await using var session = await fixture.OpenAsync(fixture.AllowedSite.Origin);
        var page = session.Page;
        await page.GotoAsync("/?size=2");
        var widget = page.Locator("[data-news-search]");

        await widget.Locator("input").PressSequentiallyAsync("Gespräche");

        var titles = widget.Locator("li.hit .hit-title");
        await Expect(titles).ToHaveCountAsync(2);
        await Expect(widget.Locator(".status")).ToHaveTextAsync("3 Treffer, 2 angezeigt");

        await widget.Locator("button.more").ClickAsync();

        await Expect(titles).ToHaveCountAsync(3);
        await Expect(widget.Locator("button.more")).ToBeHiddenAsync();
        await Expect(widget.Locator(".status")).ToHaveTextAsync("3 Treffer");
        var ids = await titles.EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).searchParams.get('article'))");
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task WidgetShowsMarkupInAnArticleAsText()
    {
        await using var session = await fixture.OpenAsync(fixture.AllowedSite.Origin);
        var page = session.Page;
        await page.GotoAsync("/");
        var widget = page.Locator("[data-news-search]");

        await widget.Locator("input").FillAsync("Kommentarfeld");
        await widget.Locator("input").PressAsync("Enter");

        var hit = widget.Locator("li.hit");
        await Expect(hit.Locator(".hit-title")).ToHaveTextAsync("Angriff mit <script> im Kommentarfeld");
        await Expect(hit.Locator(".snippet")).ToContainTextAsync("<script>alert('x')</script>");
        await Expect(hit.Locator(".snippet mark")).ToHaveTextAsync("Kommentarfeld");
        Assert.Equal(0, await widget.EvaluateAsync<int>("host => host.shadowRoot.querySelectorAll('script, img').length"));
        Assert.Empty(session.Errors);
    }
}
