namespace Search.Client;

/// <summary>A whole article, as <c>GET /api/articles/{id}</c> returns it.</summary>
public sealed record ArticleResponse
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>Publication date, YYYY-MM-DD or YYYY-MM.</summary>
    public required string Date { get; init; }

    /// <summary>Image caption with its credit, when the article has one.</summary>
    public string? Caption { get; init; }

    /// <summary>The outlet, when known.</summary>
    public string? Source { get; init; }

    /// <summary>The original address, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Plain text; paragraphs are separated by a blank line.</summary>
    public required string Body { get; init; }
}
