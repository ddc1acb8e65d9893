using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>A matching article with its score and a highlighted snippet.</summary>
/// <param name="Article">The stored article.</param>
/// <param name="Score">Relevance (BM25); higher is better.</param>
/// <param name="Snippet">HTML: the best passages of the body, matched words in <c>&lt;mark&gt;</c>, everything else escaped.</param>
public sealed record SearchHit(NewsArticle Article, float Score, string Snippet)
{
    /// <summary>HTML: the whole title, the query's words in it in <c>&lt;mark&gt;</c>, everything else escaped; null when
    /// the search made no snippets.</summary>
    public string? TitleHtml { get; init; }

    /// <summary>HTML: the whole caption marked as <see cref="TitleHtml"/>; null when the article has none or the search
    /// made no snippets.</summary>
    public string? CaptionHtml { get; init; }
}
