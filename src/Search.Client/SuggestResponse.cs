namespace Search.Client;

/// <summary>Completions of what a reader is typing (<see cref="NewsSearchClient.SuggestAsync"/>).</summary>
public sealed record SuggestResponse
{
    /// <summary>The text as sent.</summary>
    public required string Query { get; init; }

    /// <summary>Completions of its last word, the word in the most articles first; empty when there are none.</summary>
    public required IReadOnlyList<Suggestion> Suggestions { get; init; }
}
