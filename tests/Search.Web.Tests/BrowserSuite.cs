namespace Search.Web.Tests;

/// <summary>The browser tests share one API and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
