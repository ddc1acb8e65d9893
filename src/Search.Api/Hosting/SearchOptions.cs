namespace Search.Api.Hosting;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The index folder.</summary>
    /// <value>The default is <c>index-data</c>.</value>
    public string IndexPath { get; set; } = "index-data";

    /// <summary>The corpus indexed on first start when there is no index yet.</summary>
    /// <value>The default is <c>seeds</c>.</value>
    public string SeedsPath { get; set; } = "seeds";
}
