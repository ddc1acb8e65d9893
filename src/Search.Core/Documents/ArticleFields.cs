using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>Field names and the Lucene version of the article index, kept in one place.</summary>
public static class ArticleFields
{
    /// <summary>The Lucene compatibility version used everywhere in the engine.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Bumped whenever analysis or the document layout changes, so an older index is rebuilt rather than mixed with new articles.</summary>
    public const string AnalyzerVersion = "german-news-13";

    /// <summary>BM25 as Lucene's (<see cref="ArticleSimilarity"/>), for indexing (its norms) and searching alike, with the
    /// ranking's k1 and b (<see cref="Ranking.RankingWeights"/>).</summary>
    public static readonly Similarity Similarity = new ArticleSimilarity();

    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Caption = "caption";
    public const string Date = "date";
    public const string Month = "month";
    public const string DateSort = "date_sort";
    public const string Source = "source";
    public const string Url = "url";
    public const string Fingerprint = "fingerprint";

    /// <summary>Doc values holding what a hit list shows of an article (everything but the body), read without
    /// decompressing the stored fields; indexes written before it have none and are read from the stored fields.</summary>
    public const string Summary = "summary";

    /// <summary>The absolute path of the file an article was read from; absent for articles written through the API.</summary>
    public const string SourceFile = "file";

}
