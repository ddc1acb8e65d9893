namespace Search.Client;

/// <summary>Articles most similar to one article, as <c>GET /api/articles/{id}/related</c> returns them.</summary>
public sealed record RelatedResponse
{
    /// <summary>The id of the article they are related to.</summary>
    public required string Id { get; init; }

    /// <summary>Most similar first; the snippet is the lead of the body.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }
}
