namespace Search.Client;

/// <summary>An article to store with <see cref="NewsSearchClient.PutArticleAsync"/> or <see cref="NewsSearchClient.BulkAsync"/>.</summary>
public sealed record ArticleInput
{
    /// <summary>The id. Required in bulk writes; for a single write leave it null (the id goes in the URL) or make it equal.</summary>
    public string? Id { get; init; }

    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>Publication date, YYYY-MM-DD or YYYY-MM.</summary>
    public required string Date { get; init; }

    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    public required string Body { get; init; }

    /// <summary>Image caption with its credit, if any.</summary>
    public string? Caption { get; init; }

    /// <summary>The outlet, e.g. <c>zeit.de</c>, if known.</summary>
    public string? Source { get; init; }

    /// <summary>The original address, if known.</summary>
    public string? Url { get; init; }
}
