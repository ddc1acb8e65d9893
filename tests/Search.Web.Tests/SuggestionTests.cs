using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Search.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Search.Web.Tests;

// Search as you type, in the web page (PageSuggestionTests) and in the widget embedded on another origin
// (WidgetSuggestionTests), with the same tests: the hits follow the box with the last word as a prefix (no "Meinten
// Sie" for a half-typed word), and a WAI-ARIA combobox list under the box offers completions of the last word from
// /api/suggest, the part not typed yet marked. ArrowDown/ArrowUp move through it (round from the last option to the
// first), Enter or a click searches the chosen text as whole words, Escape and Tab close it.
public abstract class SuggestionTests(BrowserFixture fixture)
{
    protected BrowserFixture Fixture { get; } = fixture;

    [Fact]
    public async Task TypingShowsCompletionsOfTheLastWordWithTheUntypedPartMarked()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        var options = Options(page);

        await TypeAsync(Box(page), "Sperrung Hauptstr");

        await Expect(options).ToHaveCountAsync(1);
        await Expect(options.Locator(".option-text")).ToHaveTextAsync("Sperrung Hauptstraße");
        await Expect(options.Locator("mark")).ToHaveTextAsync("aße");
        await Expect(options.Locator(".option-count")).ToHaveTextAsync("1");

        // The typed part is compared as the index compares words: "gesprae" is how "Gespräche" begins.
        await Box(page).FillAsync("gesprae");
        await Expect(options.Locator(".option-text")).ToHaveTextAsync("Gespräche");
        await Expect(options.Locator("mark")).ToHaveTextAsync("che");

        // A completion one typo away does not start with what was typed: the whole word is marked.
        await Box(page).FillAsync("Verhandlungn");
        await Expect(options.Locator("mark")).ToHaveTextAsync("Verhandlungen");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task ArrowDownAndEnterSearchTheChosenCompletionAsWholeWords()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await TypeAsync(Box(page), "Hauptstr");
        await Expect(Options(page).Locator(".option-text")).ToHaveTextAsync(["Hauptstraße"]);

        await Box(page).PressAsync("ArrowDown");
        await Expect(Options(page).First).ToHaveAttributeAsync("aria-selected", "true");
        var search = await page.RunAndWaitForRequestAsync(() => Box(page).PressAsync("Enter"), IsWholeWordSearch);

        Assert.Equal("Hauptstraße", Parameter(search, "q"));
        await Expect(Box(page)).ToHaveValueAsync("Hauptstraße");
        await Expect(List(page)).ToBeHiddenAsync();
        await Expect(Box(page)).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(HitTitles(page)).ToHaveCountAsync(1);
        await Expect(HitTitle(page, "strasse-1")).ToBeVisibleAsync();
        await ExpectSearchedAsync(page, "Hauptstraße");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task ClickingACompletionSearchesIt()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        await TypeAsync(Box(page), "Bodens");
        var option = Options(page).Filter(new LocatorFilterOptions { HasText = "Bodensee" });

        var search = await page.RunAndWaitForRequestAsync(() => option.ClickAsync(), IsWholeWordSearch);

        Assert.Equal("Bodensee", Parameter(search, "q"));
        await Expect(Box(page)).ToHaveValueAsync("Bodensee");
        await Expect(List(page)).ToBeHiddenAsync();
        await Expect(HitTitles(page)).ToHaveCountAsync(1);
        await Expect(HitTitle(page, "bodensee-1")).ToBeVisibleAsync();
        await ExpectSearchedAsync(page, "Bodensee");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task EscapeClosesTheListAndKeepsTheTextAndTabLeavesWithTheListClosed()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        var box = Box(page);
        await TypeAsync(box, "Gespr");
        await Expect(List(page)).ToBeVisibleAsync();

        await box.PressAsync("Escape");

        await Expect(List(page)).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).ToHaveValueAsync("Gespr");
        await Expect(box).ToBeFocusedAsync();

        // ArrowDown opens the list again; Tab leaves the box for the search button and closes it.
        await box.PressAsync("ArrowDown");
        await Expect(List(page)).ToBeVisibleAsync();
        await box.PressAsync("Tab");

        await Expect(List(page)).ToBeHiddenAsync();
        await Expect(box).Not.ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync("Gespr");

        // Back in the box, without a list, Escape empties it, as in any search box.
        await box.PressAsync("Escape");
        await Expect(box).ToHaveValueAsync("");
        await Expect(List(page)).ToBeHiddenAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task TheBoxAndTheListFollowTheWaiAriaComboboxPattern()
    {
        await using var session = await OpenAsync();
        var page = session.Page;
        var box = Box(page);
        var options = Options(page);
        await Expect(box).ToHaveAttributeAsync("role", "combobox");
        await Expect(box).ToHaveAttributeAsync("aria-autocomplete", "list");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await TypeAsync(box, "Hau");

        await Expect(options.Locator(".option-text")).ToHaveTextAsync(["Haus", "Hauptstraße"]);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box).ToHaveAttributeAsync("aria-controls", (await List(page).GetAttributeAsync("id"))!);
        await Expect(List(page)).ToHaveAttributeAsync("role", "listbox");
        var ids = await options.EvaluateAllAsync<string[]>("options => options.map(o => o.id)");
        Assert.Equal(2, ids.Where(id => id.Length > 0).Distinct().Count());
        await ExpectActiveAsync(page, null, ids);

        // Down from the box to the first option, on to the second, round to the first; Up from the first to the last.
        string[] expected = [ids[0], ids[1], ids[0]];
        foreach (var id in expected)
        {
            await box.PressAsync("ArrowDown");
            await ExpectActiveAsync(page, id, ids);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{GetType().Name}.png") });

        await box.PressAsync("ArrowUp");
        await ExpectActiveAsync(page, ids[1], ids);
        await Expect(box).ToHaveValueAsync("Hau");

        await box.PressAsync("Escape");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).Not.ToHaveAttributeAsync("aria-activedescendant", new Regex("."));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task AHalfTypedWordFindsItsArticleWhileTypingAndEnterSearchesItAsAWholeWord()
    {
        await using var session = await OpenAsync();
        var page = session.Page;

        var typing = await page.RunAndWaitForRequestAsync(
            () => TypeAsync(Box(page), "Bodens"),
            request => request.Url.Contains("/api/search?", StringComparison.Ordinal) && Parameter(request, "prefix") == "last");

        Assert.Equal("Bodens", Parameter(typing, "q"));
        await Expect(HitTitles(page)).ToHaveCountAsync(1);
        await Expect(HitTitle(page, "bodensee-1")).ToBeVisibleAsync();
        await Expect(DidYouMean(page)).ToBeHiddenAsync();

        // Enter with no option chosen searches the box as typed, every word whole: "Bodens" is no word of the index,
        // so the typo retry finds the nearest one.
        var whole = await page.RunAndWaitForRequestAsync(() => Box(page).PressAsync("Enter"), IsWholeWordSearch);

        Assert.Equal("Bodens", Parameter(whole, "q"));
        await Expect(List(page)).ToBeHiddenAsync();
        await Expect(DidYouMean(page)).ToContainTextAsync("Biden");
        await Expect(HitTitle(page, TestCorpus.SeedId)).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task ACompletionIsShownAsTextNeverAsMarkup()
    {
        const string Hostile = "<img src=x onerror=alert(1)>Bodensee";
        await using var session = await OpenAsync();
        var page = session.Page;
        await page.RouteAsync(new Regex(@"/api/suggest\?"), async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
            body["suggestions"] = new JsonArray(new JsonObject { ["text"] = Hostile, ["articles"] = 1 });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
        });

        await TypeAsync(Box(page), "Bodens");

        await Expect(Options(page).Locator(".option-text")).ToHaveTextAsync(Hostile);
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [document, ...[...document.querySelectorAll('[data-news-search]')].map(host => host.shadowRoot)].reduce((n, root) => n + root.querySelectorAll('img').length, 0)"));
        Assert.DoesNotContain(session.Errors, error => error.StartsWith("dialog", StringComparison.Ordinal) || error.StartsWith("page error", StringComparison.Ordinal));
    }

    /// <summary>A new browser session at the page or the embedding site, the box ready to type into.</summary>
    protected abstract Task<BrowserSession> OpenAsync(string path = "/");

    /// <summary>The element holding the box, the list and the hits.</summary>
    protected abstract ILocator Surface(IPage page);

    protected abstract ILocator HitTitles(IPage page);

    protected abstract ILocator HitTitle(IPage page, string id);

    /// <summary>The "Meinten Sie" line.</summary>
    protected abstract ILocator DidYouMean(IPage page);

    /// <summary>What else shows that <paramref name="q"/> was searched (the page's URL).</summary>
    protected virtual Task ExpectSearchedAsync(IPage page, string q) => Task.CompletedTask;

    /// <summary>Types <paramref name="text"/> into the box, key by key, and waits for the completions of all of it
    /// (so no list for a shorter text is still to come).</summary>
    protected static async Task TypeAsync(ILocator box, string text) =>
        await box.Page.RunAndWaitForResponseAsync(
            () => box.PressSequentiallyAsync(text),
            response => response.Url.Contains("/api/suggest?", StringComparison.Ordinal) && Parameter(response.Request, "q") == text);

    protected ILocator Box(IPage page) => Surface(page).Locator("input[role='combobox']");

    protected ILocator List(IPage page) => Surface(page).Locator("[role='listbox']");

    protected ILocator Options(IPage page) => List(page).Locator("[role='option']");

    protected static string? Parameter(IRequest request, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query)[name];

    private static bool IsWholeWordSearch(IRequest request) =>
        request.Url.Contains("/api/search?", StringComparison.Ordinal) && Parameter(request, "prefix") is null;

    // The option with this id is the active one (aria-activedescendant) and the only one selected; null: none is.
    private async Task ExpectActiveAsync(IPage page, string? id, string[] ids)
    {
        if (id is null)
        {
            await Expect(Box(page)).Not.ToHaveAttributeAsync("aria-activedescendant", new Regex("."));
        }
        else
        {
            await Expect(Box(page)).ToHaveAttributeAsync("aria-activedescendant", id);
        }

        foreach (var other in ids)
        {
            await Expect(List(page).Locator($"#{other}")).ToHaveAttributeAsync("aria-selected", other == id ? "true" : "false");
        }
    }
}

[Collection(BrowserSuite.Name)]
public sealed class PageSuggestionTests(BrowserFixture fixture) : SuggestionTests(fixture)
{
    [Fact]
    public async Task CompletionsAreCountedWithinThePagesFilters()
    {
        await using var session = await OpenAsync("/?year=2020");
        var page = session.Page;

        var suggest = await page.RunAndWaitForRequestAsync(
            () => TypeAsync(Box(page), "Gespr"),
            request => request.Url.Contains("/api/suggest?", StringComparison.Ordinal));

        Assert.Equal("2020", Parameter(suggest, "year"));
        // Three articles say "Gespräche" or "Gespräch"; one of them is from 2020.
        await Expect(Options(page).Locator(".option-count")).ToHaveTextAsync(["1"]);
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?q=Gespr&prefix=last&year=2020$"));
        Assert.Empty(session.Errors);
    }

    protected override async Task<BrowserSession> OpenAsync(string path = "/")
    {
        var session = await Fixture.OpenAsync(Fixture.Api.Origin);
        await session.Page.GotoAsync(path);
        // The page lists the newest articles at first; typing starts once it has.
        await Expect(HitTitles(session.Page).First).ToBeVisibleAsync();
        return session;
    }

    protected override ILocator Surface(IPage page) => page.Locator("body");

    protected override ILocator HitTitles(IPage page) => page.Locator("ol#hits li.hit .hit-title");

    protected override ILocator HitTitle(IPage page, string id) => page.Locator($"ol#hits li.hit .hit-title[data-id='{id}']");

    protected override ILocator DidYouMean(IPage page) => page.Locator("#did-you-mean");

    protected override Task ExpectSearchedAsync(IPage page, string q) =>
        Expect(page).ToHaveURLAsync(new Regex($@"/\?q={Regex.Escape(Uri.EscapeDataString(q))}$"));
}

[Collection(BrowserSuite.Name)]
public sealed class WidgetSuggestionTests(BrowserFixture fixture) : SuggestionTests(fixture)
{
    protected override async Task<BrowserSession> OpenAsync(string path = "/")
    {
        var session = await Fixture.OpenAsync(Fixture.AllowedSite.Origin);
        await session.Page.GotoAsync(path);
        await Expect(Box(session.Page)).ToBeVisibleAsync();
        return session;
    }

    protected override ILocator Surface(IPage page) => page.Locator("[data-news-search]");

    protected override ILocator HitTitles(IPage page) => Surface(page).Locator("li.hit .hit-title");

    protected override ILocator HitTitle(IPage page, string id) => Surface(page).Locator($"li.hit .hit-title[href$='article={id}']");

    protected override ILocator DidYouMean(IPage page) => Surface(page).Locator(".suggestion");
}
