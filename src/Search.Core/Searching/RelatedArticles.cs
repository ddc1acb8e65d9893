using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Highlighting;
using Search.Core.Querying;

namespace Search.Core.Searching;

/// <summary>Articles like a given one: Lucene's more-like-this over title and body, the article itself left out.</summary>
internal static class RelatedArticles
{
    /// <summary>At most <paramref name="count"/> articles most like the one with <paramref name="id"/>, each with the
    /// lead of its body; null for an unknown id.</summary>
    public static IReadOnlyList<SearchHit>? Find(IndexSearcher searcher, Analyzer analyzer, string id, int count)
    {
        var idTerm = new Term(ArticleFields.Id, id);
        var own = searcher.Search(new TermQuery(idTerm), 1);
        if (own.TotalHits == 0)
        {
            return null;
        }

        var likeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [ArticleFields.Title, ArticleFields.Body],
            MinTermFreq = 2,
            MinDocFreq = 2,
            MaxQueryTerms = 30,
        };
        var query = new BooleanQuery
        {
            { likeThis.Like(own.ScoreDocs[0].Doc), Occur.MUST },
            { new TermQuery(idTerm), Occur.MUST_NOT },
        };
        return [.. searcher.Search(query, count).ScoreDocs.Select(scoreDoc =>
        {
            var article = ArticleDocument.FromDocument(searcher.Doc(scoreDoc.Doc));
            return new SearchHit(article, scoreDoc.Score, SnippetBuilder.Lead(article.Body));
        })];
    }
}
