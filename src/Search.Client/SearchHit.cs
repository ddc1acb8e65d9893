namespace Search.Client;

/// <summary>One matching article in a search or related-articles response.</summary>
public sealed record SearchHit
{
    /// <summary>The article id, for <see cref="NewsSearchClient.GetArticleAsync"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>Publication date, YYYY-MM-DD or YYYY-MM.</summary>
    public required string Date { get; init; }

    /// <summary>Image caption with its credit, when the article has one.</summary>
    public string? Caption { get; init; }

    /// <summary>The outlet, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Relevance (BM25); higher is better.</summary>
    public required double Score { get; init; }

    /// <summary>HTML: the best passages of the body with matched words in <c>&lt;mark&gt;</c>; everything else is escaped.</summary>
    public required string Snippet { get; init; }
}
