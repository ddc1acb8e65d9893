using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Highlighting;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Searching;

/// <summary>
/// The hits of a page as the caller gets them: each article (stored whole with snippets, its summary without), its
/// score as shown (<see cref="AllWordsFirstQuery.Shown"/>), its snippet (<see cref="SnippetBuilder"/>) and its title and
/// caption with the query's words marked.
/// </summary>
internal static class HitAssembly
{
    /// <summary>The hits of <paramref name="page"/>.</summary>
    /// <param name="searcher">The snapshot searched.</param>
    /// <param name="request">Whether to make snippets.</param>
    /// <param name="query">The query whose words are marked.</param>
    /// <param name="page">The page's hits, in order.</param>
    /// <param name="docFreq">How many articles have a term (the search's own lookups).</param>
    /// <param name="writing">The analyzer the index writes with, to find the words in titles and captions.</param>
    public static List<SearchHit> Hits(IndexSearcher searcher, SearchRequest request, SearchQuery query, IReadOnlyList<FieldDoc> page, Func<Term, int> docFreq, WritingAnalyzer writing)
    {
        var highlight = request.Snippets && !query.Browsing && page.Count > 0 ? SnippetBuilder.Prepare(query.Matching, searcher.IndexReader, docFreq) : null;
        var marking = highlight is null ? null : writing.Current();
        return page
            .Select(scoreDoc =>
            {
                var article = request.Snippets
                    ? ArticleDocument.FromDocument(searcher.Doc(scoreDoc.Doc))
                    : ArticleDocument.Summary(searcher.IndexReader, scoreDoc.Doc);
                var snippet = !request.Snippets ? string.Empty
                    : query.Browsing ? SnippetBuilder.Lead(article.Body)
                    : SnippetBuilder.Build(highlight!, article.Body, searcher.IndexReader, scoreDoc.Doc);
                return new SearchHit(article, float.IsNaN(scoreDoc.Score) ? 0 : AllWordsFirstQuery.Shown(scoreDoc.Score), snippet)
                {
                    TitleHtml = !request.Snippets ? null : Marked(article.Title, ArticleFields.Title),
                    CaptionHtml = !request.Snippets || article.Caption is null ? null : Marked(article.Caption, ArticleFields.Caption),
                };

                // A hit that matched only in its title or caption shows the words there (the snippet is the body's).
                string Marked(string text, string field) =>
                    highlight is null ? HtmlTextEncoder.Encode(text) : SnippetBuilder.Mark(highlight, text, marking!, field);
            })
            .ToList();
    }
}
