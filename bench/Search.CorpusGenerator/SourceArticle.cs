using System.Text.Json.Serialization;

namespace Search.CorpusGenerator;

/// <summary>The fields the generator reads from one line of the source corpus.</summary>
internal sealed record SourceArticle(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("source")] string? Source);
