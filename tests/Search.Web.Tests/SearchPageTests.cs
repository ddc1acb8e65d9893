using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Search.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

// Checks the web page at / in a real Chromium: searching shows hits with marked words; month, year and source facets
// toggle (several values of one facet = any of them) and live in the URL, so a reloaded or shared URL shows the same;
// paging; the "Meinten Sie" suggestion; the article view with related articles; API errors; and that neither a
// hostile query nor markup in articles ever becomes an element.
[Collection(BrowserSuite.Name)]
public class SearchPageTests(BrowserFixture fixture)
{
    private static readonly string Screenshot = Path.Combine(Path.GetTempPath(), "search-page.png");

    [Fact]
    public async Task TypingAQueryShowsTheSeedArticleWithTheQueryWordsMarked()
    {
        await using var session = await OpenAsync("/");
        var page = session.Page;

        await page.Locator("#q").FillAsync("Genf Gespräche");
        await page.Locator("#q").PressAsync("Enter");

        var hits = page.Locator("ol#hits li.hit");
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".hit-title")).ToHaveAttributeAsync("data-id", TestCorpus.SeedId);
        await Expect(hits.Locator(".hit-meta")).ToHaveTextAsync("Dezember 2021");
        await Expect(hits.Locator(".snippet mark")).ToHaveTextAsync(["Gespräche", "Genf"]);
        var snippet = await hits.Locator(".snippet").InnerHTMLAsync();
        Assert.Contains("<mark>Genf</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Gespräche</mark>", snippet, StringComparison.Ordinal);
        await Expect(page.Locator("#summary")).ToContainTextAsync("1 Treffer");
        Assert.EndsWith("/?q=Genf+Gespr%C3%A4che", page.Url, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task ClickingAMonthFacetFiltersTheHitsAndAReloadedUrlShowsTheSame()
    {
        await using var session = await OpenAsync("/?q=Gespräche");
        var page = session.Page;
        var hits = page.Locator("ol#hits li.hit");
        await Expect(hits).ToHaveCountAsync(3);

        await MonthFacet(page, "2021-12").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?q=Gespr%C3%A4che&month=2021-12$"));
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".hit-title")).ToHaveAttributeAsync("data-id", TestCorpus.SeedId);
        await Expect(MonthFacet(page, "2021-12")).ToHaveAttributeAsync("aria-pressed", "true");
        // The month facet ignores its own filter: the other months stay offered with their counts.
        await Expect(page.Locator("ul#month-facets li > button.facet")).ToHaveCountAsync(3);

        await page.ReloadAsync();

        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".hit-title")).ToHaveAttributeAsync("data-id", TestCorpus.SeedId);
        await Expect(MonthFacet(page, "2021-12")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("#q")).ToHaveValueAsync("Gespräche");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task SeveralMonthsOfTheMonthFacetMatchAnyOfThem()
    {
        await using var session = await OpenAsync("/?q=Gespräche&month=2021-12");
        var page = session.Page;
        var hits = page.Locator("ol#hits li.hit");
        await Expect(hits).ToHaveCountAsync(1);

        await MonthFacet(page, "2021-01").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("month=2021-12&month=2021-01$"));
        await Expect(hits).ToHaveCountAsync(2);

        await MonthFacet(page, "2021-12").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?q=Gespr%C3%A4che&month=2021-01$"));
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".hit-title")).ToHaveAttributeAsync("data-id", "bodensee-1");

        await page.Locator("#month-reset").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?q=Gespr%C3%A4che$"));
        await Expect(hits).ToHaveCountAsync(3);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task YearAndSourceFacetsToggleCombineAndLiveInTheUrl()
    {
        await using var session = await OpenAsync("/");
        var page = session.Page;
        var hits = page.Locator("ol#hits li.hit");
        await Expect(hits).ToHaveCountAsync(6);

        await YearFacet(page, "2020").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?year=2020$"));
        await Expect(hits).ToHaveCountAsync(3);

        await SourceFacet(page, "beispiel.de").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?year=2020&source=beispiel.de$"));
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.Locator(".hit-title")).ToHaveAttributeAsync("data-id", "gespraech-1");

        await SourceFacet(page, "example.de").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?year=2020&source=beispiel.de&source=example.de$"));
        await Expect(hits).ToHaveCountAsync(3);

        await YearFacet(page, "2020").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?source=beispiel.de&source=example.de$"));
        await Expect(hits).ToHaveCountAsync(4);
        await Expect(YearFacet(page, "2020")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(SourceFacet(page, "example.de")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot, FullPage = true });

        await page.ReloadAsync();
        await Expect(hits).ToHaveCountAsync(4);
        await Expect(SourceFacet(page, "beispiel.de")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task PagerMovesThroughTheHitsAndKeepsThePageInTheUrl()
    {
        await using var session = await OpenAsync("/?size=2");
        var page = session.Page;
        var titles = page.Locator("ol#hits li.hit .hit-title");
        await Expect(titles).ToHaveCountAsync(2);
        await Expect(page.Locator("#prev")).ToBeHiddenAsync();
        var first = await titles.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.id)");

        await page.Locator("#next").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?page=2&size=2$"));
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Seite 2 von 3");
        await Expect(titles.First).Not.ToHaveAttributeAsync("data-id", first[0]);
        var second = await titles.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.id)");
        Assert.Empty(first.Intersect(second));

        await page.Locator("#next").ClickAsync();
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Seite 3 von 3");
        await Expect(page.Locator("#next")).ToBeHiddenAsync();

        await page.Locator("#prev").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?page=2&size=2$"));
        await Expect(titles.First).ToHaveAttributeAsync("data-id", second[0]);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task DidYouMeanSuggestionIsShownAndSearchesWhenClicked()
    {
        await using var session = await fixture.OpenAsync(fixture.Api.Origin);
        var page = session.Page;
        // The API may not suggest yet: the test adds a suggestion to the real answer for the misspelt query.
        await page.RouteAsync(new Regex(@"/api/search\?"), async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
            if ((string?)body["query"] == "Gesprche")
            {
                body["didYouMean"] = "Gespräche";
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
        });
        await page.GotoAsync("/?q=Gesprche");

        await Expect(page.Locator("#did-you-mean")).ToHaveTextAsync("Meinten Sie: Gespräche?");
        await page.Locator("#did-you-mean a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?q=Gespr%C3%A4che$"));
        await Expect(page.Locator("ol#hits li.hit")).ToHaveCountAsync(3);
        await Expect(page.Locator("#did-you-mean")).ToBeHiddenAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task OpeningAHitShowsTheArticleWithItsBodyAndRelatedArticles()
    {
        await using var session = await OpenAsync("/?q=Genf+Gespräche");
        var page = session.Page;

        await page.Locator("ol#hits li.hit .hit-title").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/\?q=Genf\+Gespr%C3%A4che&article={TestCorpus.SeedId}$"));
        await Expect(page.Locator("#article")).ToBeVisibleAsync();
        await Expect(page.Locator("#results-view")).ToBeHiddenAsync();
        await Expect(page.Locator("#article-title")).ToContainTextAsync("Angesichts der Spannungen um die Ukraine");
        await Expect(page.Locator("#article-body")).ToContainTextAsync("in Genf zu Beratungen über den Ukraine-Konflikt");
        Assert.True(await page.Locator("#article-body p").CountAsync() > 1);
        var related = page.Locator("#related li.hit .hit-title");
        await Expect(related).ToHaveCountAsync(2);
        Assert.Equal(["gespraech-1", "bodensee-1"], await related.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.id)"));

        await related.First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("&article=gespraech-1$"));
        await Expect(page.Locator("#article-title")).ToHaveTextAsync("Gespräch im Rathaus");
        await Expect(page.Locator("#article-meta")).ToHaveTextAsync("1. Dezember 2020 · beispiel.de");

        await page.Locator("#back").ClickAsync();

        await Expect(page.Locator("#results-view")).ToBeVisibleAsync();
        await Expect(page.Locator("ol#hits li.hit")).ToHaveCountAsync(1);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task HostileQueryIsShownAsTextAndInjectsNoElement()
    {
        const string Hostile = "<img src=x onerror=alert(1)>";
        await using var session = await OpenAsync("/");
        var page = session.Page;

        await page.Locator("#q").FillAsync(Hostile);
        await page.Locator("#q").PressAsync("Enter");

        await Expect(page.Locator("#summary:not(:empty), #error:not([hidden])").First).ToBeVisibleAsync();
        await Expect(page.Locator("#q")).ToHaveValueAsync(Hostile);
        await Expect(page).ToHaveTitleAsync($"{Hostile} – Nachrichtensuche");
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.DoesNotContain(session.Errors, error => error.StartsWith("dialog", StringComparison.Ordinal) || error.StartsWith("page error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkupInAnArticleIsShownAsText()
    {
        await using var session = await OpenAsync("/?q=Kommentarfeld");
        var page = session.Page;

        var hit = page.Locator("ol#hits li.hit");
        await Expect(hit.Locator(".hit-title")).ToHaveTextAsync("Angriff mit <script> im Kommentarfeld");
        await Expect(hit.Locator(".snippet")).ToContainTextAsync("Ein Leser schrieb <script>alert('x')</script> in das Kommentarfeld");
        await Expect(hit.Locator(".snippet mark")).ToHaveTextAsync("Kommentarfeld");
        Assert.Equal(0, await page.Locator("#hits script").CountAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task InvalidParameterShowsTheApiMessage()
    {
        await using var session = await OpenAsync("/?q=Genf&month=2021-13");
        var page = session.Page;

        await Expect(page.Locator("#error")).ToHaveTextAsync("month must be a month written YYYY-MM, e.g. 2021-12; got '2021-13'.");
        await Expect(page.Locator("ol#hits li.hit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task InvalidParameterLeavesNoEmptyFacetGroupsBeside()
    {
        await using var session = await OpenAsync("/?q=Gespräche");
        var page = session.Page;
        await Expect(page.Locator("nav.facets .facet-group:visible")).ToHaveCountAsync(3);

        await page.GotoAsync("/?q=Gespräche&month=2021-13");

        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.facets .facet-group:visible")).ToHaveCountAsync(0);

        await page.GoBackAsync();

        await Expect(page.Locator("#error")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.facets .facet-group:visible")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task PagerOffersNoPageBeyondTheTenThousandHitWindow()
    {
        await using var session = await fixture.OpenAsync(fixture.Api.Origin);
        var page = session.Page;
        // The fixture has six articles: the test says the API found 28,050, as "Corona" does on the real corpus.
        await page.RouteAsync(new Regex(@"/api/search\?"), async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
            body["total"] = 28_050;
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
        });
        await page.GotoAsync("/?page=999");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Seite 999 von 1.000");
        await Expect(page.Locator("#window-note")).ToHaveTextAsync(
            "Angezeigt werden die ersten 10.000 Treffer. Für weitere grenzen Sie die Suche ein: mehr Suchwörter, Monat, Jahr oder Quelle.");

        await page.Locator("#next").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?page=1000$"));
        await Expect(page.Locator("#page-info")).ToHaveTextAsync("Seite 1.000 von 1.000");
        await Expect(page.Locator("#next")).ToBeHiddenAsync();
        await Expect(page.Locator("#prev")).ToBeVisibleAsync();
        await Expect(page.Locator("#window-note")).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task OpeningAnArticleWithTheMouseFocusesItsHeadingWithoutARing()
    {
        await using var session = await OpenAsync("/?q=Genf+Gespräche");
        var page = session.Page;

        await page.Locator("ol#hits li.hit .hit-title").ClickAsync();

        var heading = page.Locator("#article-title");
        await Expect(heading).ToContainTextAsync("Angesichts der Spannungen um die Ukraine");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(heading).ToHaveCSSAsync("outline-style", "none");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task AnArticleOpenedFromItsUrlFocusesItsHeadingWithoutARing()
    {
        await using var session = await OpenAsync($"/?article={TestCorpus.SeedId}");
        var heading = session.Page.Locator("#article-title");

        await Expect(heading).ToContainTextAsync("Angesichts der Spannungen um die Ukraine");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(heading).ToHaveCSSAsync("outline-style", "none");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task OpeningAnArticleWithTheKeyboardShowsTheFocusOnItsHeading()
    {
        await using var session = await OpenAsync("/?q=Genf+Gespräche");
        var page = session.Page;
        await page.Locator("ol#hits li.hit .hit-title").FocusAsync();

        await page.Keyboard.PressAsync("Enter");

        var heading = page.Locator("#article-title");
        await Expect(heading).ToContainTextAsync("Angesichts der Spannungen um die Ukraine");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(heading).ToHaveCSSAsync("outline-style", "solid");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task AHitFoundByItsTitleOrCaptionAloneHasTheWordsMarkedThere()
    {
        await using var session = await OpenAsync("/?q=Stadtrand");
        var page = session.Page;

        var hit = page.Locator("ol#hits li.hit");
        await Expect(hit.Locator(".hit-title mark")).ToHaveTextAsync("Stadtrand");
        await Expect(hit.Locator(".hit-title")).ToHaveTextAsync("Neue Häuser am Stadtrand");
        await Expect(hit.Locator(".snippet mark")).ToHaveCountAsync(0);

        await page.GotoAsync("/?q=Ferngespräch+Biden");

        await Expect(page.Locator("ol#hits li.hit .caption mark")).ToHaveTextAsync(["Ferngespräch", "Biden"]);
        Assert.Empty(session.Errors);
    }

    private static ILocator MonthFacet(IPage page, string month) => page.Locator($"ul#month-facets button.facet[data-month='{month}']");

    private static ILocator YearFacet(IPage page, string year) => page.Locator($"ul#year-facets button.facet[data-year='{year}']");

    private static ILocator SourceFacet(IPage page, string source) => page.Locator($"ul#source-facets button.facet[data-source='{source}']");

    private async Task<BrowserSession> OpenAsync(string path)
    {
        var session = await fixture.OpenAsync(fixture.Api.Origin);
        await session.Page.GotoAsync(path);
        return session;
    }
}
