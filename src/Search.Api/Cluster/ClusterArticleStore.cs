using Search.Api.Metrics;
using Search.Api.Writes;
using Search.Cluster;
using Search.Cluster.Node;
using Search.Core.Documents;

namespace Search.Api.Cluster;

/// <summary>
/// The write path in cluster mode: every write goes to the replicated log and is answered once JetStream has
/// acknowledged it and this node has applied it (<see cref="NodeWrites"/>), with the outcome the node's index reports,
/// so the endpoints answer exactly as on a single node. Not acknowledged in time:
/// <see cref="WriteNotAcknowledgedException"/> (503); acknowledged but not applied in time: <see cref="WriteOutcome.Accepted"/> (202).
/// </summary>
internal sealed class ClusterArticleStore(NodeWrites writes, SearchMetrics metrics) : IArticleWrites
{
    public async Task<IReadOnlyList<WriteOutcome>> UpsertAsync(IReadOnlyList<NewsArticle> articles, CancellationToken cancellationToken) =>
        await WriteAsync([.. articles.Select(ArticleMessage.Upsert)], cancellationToken).ConfigureAwait(false);

    public async Task<WriteOutcome> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await WriteAsync([ArticleMessage.Tombstone(id)], cancellationToken).ConfigureAwait(false))[0];

    private async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<ArticleMessage> messages, CancellationToken cancellationToken)
    {
        IReadOnlyList<ApplyOutcome?> applied;
        try
        {
            applied = await writes.WriteAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (WriteNotAcknowledgedException)
        {
            metrics.Written("failed", messages.Count);
            throw;
        }

        var outcomes = applied.Select(Outcome).ToList();
        foreach (var group in outcomes.GroupBy(outcome => outcome))
        {
            metrics.Written(SearchMetrics.Name(group.Key), group.Count());
        }

        return outcomes;
    }

    private static WriteOutcome Outcome(ApplyOutcome? outcome) => outcome switch
    {
        null => WriteOutcome.Accepted,
        ApplyOutcome.Added => WriteOutcome.Added,
        ApplyOutcome.Updated => WriteOutcome.Updated,
        ApplyOutcome.Deleted => WriteOutcome.Deleted,
        ApplyOutcome.NotFound => WriteOutcome.NotFound,
        ApplyOutcome.Superseded => WriteOutcome.Superseded,
        // Unchanged; Skipped cannot come from a write this service made (it validated the article first).
        _ => WriteOutcome.Unchanged,
    };
}
