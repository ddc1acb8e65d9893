using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>Articles most similar to one article.</summary>
public sealed record RelatedResponse(
    string Id,
    [property: Description("Most similar first; the snippet is the lead of the body.")] IReadOnlyList<SearchHitResponse> Hits);
