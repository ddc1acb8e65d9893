using Search.Core.Documents;

namespace Search.Api.Writes;

/// <summary>
/// The write path behind <c>PUT</c>, <c>DELETE</c> and bulk <c>POST /api/articles</c>: on a single node the index itself
/// (<see cref="ArticleStore"/>), in cluster mode the replicated log, answered once this node has applied the write
/// (<see cref="Cluster.ClusterArticleStore"/>). Either way a write is durable and, unless <see cref="WriteOutcome.Accepted"/>,
/// searchable on this node when it returns.
/// </summary>
internal interface IArticleWrites
{
    /// <summary>Adds or replaces the articles, in order; one outcome per article.</summary>
    Task<IReadOnlyList<WriteOutcome>> UpsertAsync(IReadOnlyList<NewsArticle> articles, CancellationToken cancellationToken);

    /// <summary>Deletes the article with this id.</summary>
    Task<WriteOutcome> DeleteAsync(string id, CancellationToken cancellationToken);
}
