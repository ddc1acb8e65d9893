namespace Search.Core.Completion;

/// <summary>An index snapshot's completion words: how many, the memory they take, and the fewest articles a kept word
/// is in (1 unless the memory budget left the rarest words out), and how long they took to build.</summary>
public sealed record CompletionSummary(int Words, long Bytes, int MinArticles, TimeSpan BuildTime);
