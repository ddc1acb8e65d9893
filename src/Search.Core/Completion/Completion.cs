namespace Search.Core.Completion;

/// <summary>A completion of what a reader is typing: the text with its last word completed, as the articles write it,
/// and how many articles have that word (within the search's filters, when it has any).</summary>
public sealed record Completion(string Text, int Articles);
