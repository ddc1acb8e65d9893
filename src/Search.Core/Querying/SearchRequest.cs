namespace Search.Core.Querying;

/// <summary>A search: the words, the filters, the order and which page.</summary>
/// <param name="Query">The words to find (a query of two words needs both unless one is far rarer, a longer one its heavier words; see <see cref="Ranking.RankingWeights"/>). Empty lists every article, newest first.</param>
/// <param name="Months">Only articles from these months (<c>YYYY-MM</c>, any of them); empty for all months.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Hits per page, 1 to <see cref="MaxSize"/>.</param>
public sealed record SearchRequest(string Query, IReadOnlyList<string> Months, int Page = 1, int Size = 10)
{
    /// <summary>The largest page size.</summary>
    public const int MaxSize = 100;

    /// <summary>The longest query text, in characters.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>The longest text <see cref="ArticleSearcher.Suggest"/> completes, in characters.</summary>
    public const int MaxCompletionLength = 100;

    /// <summary>The deepest hit a page may reach (page × size); deeper lists use the cursor.</summary>
    public const int MaxWindow = 10_000;

    /// <summary>Only articles from these years (<c>YYYY</c>, any of them).</summary>
    public IReadOnlyList<string> Years { get; init; } = [];

    /// <summary>Only articles from these outlets (any of them).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Only articles published on or after this day or month (<c>YYYY-MM-DD</c> or <c>YYYY-MM</c>).</summary>
    public string? From { get; init; }

    /// <summary>Only articles published on or before this day or month (a month includes all its days).</summary>
    public string? To { get; init; }

    /// <summary>The order of hits.</summary>
    /// <value>The default is <see cref="SearchSort.Relevance"/>.</value>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Count the month, year and source facets over all matches.</summary>
    /// <value>The default is true; false leaves <see cref="SearchResult.Facets"/> empty and saves the counting.</value>
    public bool Facets { get; init; } = true;

    /// <summary>Build a highlighted snippet for each hit.</summary>
    /// <value>The default is true; false leaves every snippet and every hit's <see cref="Documents.NewsArticle.Body"/>
    /// empty, and saves the highlighting and the reading of the bodies.</value>
    public bool Snippets { get; init; } = true;

    /// <summary>When the words as typed find fewer than <see cref="ArticleSearcher.FewHits"/> articles, suggest a spelling
    /// from the index (<see cref="SearchResult.DidYouMean"/>) and retry with words one or two edits away.</summary>
    /// <value>The default is true; false answers exactly the words as typed and spends nothing on spelling.</value>
    public bool Typos { get; init; } = true;

    /// <summary>The reader is still typing the last word: it also matches as the start of the index's words (the
    /// <see cref="ArticleSearcher.PrefixCompletions"/> in the most articles), and the typo retry and did-you-mean leave it
    /// alone.</summary>
    /// <value>The default is false: every word is a whole word.</value>
    public bool PrefixLast { get; init; }

    /// <summary>Continue after the last hit of an earlier response (its <see cref="SearchResult.Next"/>) instead of using <see cref="Page"/>.</summary>
    public string? Cursor { get; init; }
}
