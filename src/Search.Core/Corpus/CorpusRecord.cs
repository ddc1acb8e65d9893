using Search.Core.Documents;

namespace Search.Core.Corpus;

/// <summary>What a reader found at one place in the input: an article, or the reason it skipped something.</summary>
/// <param name="Location">File, and line for JSON Lines: <c>news.jsonl:17</c>.</param>
/// <param name="Article">The article, when the input was usable.</param>
/// <param name="SkipReason">Why the input was skipped, when it was not.</param>
public sealed record CorpusRecord(string Location, NewsArticle? Article, string? SkipReason)
{
    public static CorpusRecord Found(string location, NewsArticle article) => new(location, article, null);

    public static CorpusRecord Skipped(string location, string reason) => new(location, null, reason);
}
