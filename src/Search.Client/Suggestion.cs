namespace Search.Client;

/// <summary>One completion: the text with its last word completed as the articles write it, ready to search.</summary>
public sealed record Suggestion
{
    /// <summary>The query with its last word completed (the words before it as typed).</summary>
    public required string Text { get; init; }

    /// <summary>How many articles have the completed word (within the filters, when there are any).</summary>
    public required int Articles { get; init; }
}
