using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Api.Metrics;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Writes;

/// <summary>
/// The API's write path. Writes from this process take turns; each batch opens the index writer, commits and
/// closes it again, so an acknowledged write is durable and the CLI indexer can still take the index between
/// writes. While the CLI holds the index, a write fails with <see cref="Search.Core.Errors.IndexUnavailableException"/>;
/// on a full disk with <see cref="IndexDiskFullException"/>, after rolling back so the index stays as of its last commit.
/// </summary>
internal sealed class ArticleStore(IOptions<SearchOptions> options, ArticleSearcher searcher, SearchMetrics metrics) : IArticleWrites, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Writes the articles in order, commits, and makes them visible to search before returning.</summary>
    public async Task<IReadOnlyList<WriteOutcome>> UpsertAsync(IReadOnlyList<NewsArticle> articles, CancellationToken cancellationToken)
    {
        var outcomes = await WriteAsync(writer => articles.Select(article => writer.Upsert(article)).ToList(), articles.Count, cancellationToken).ConfigureAwait(false);
        metrics.Written(outcomes);
        return [.. outcomes.Select(outcome => outcome switch
        {
            UpsertOutcome.Added => WriteOutcome.Added,
            UpsertOutcome.Updated => WriteOutcome.Updated,
            _ => WriteOutcome.Unchanged,
        })];
    }

    /// <summary>Deletes the article: <see cref="WriteOutcome.Deleted"/>, or <see cref="WriteOutcome.NotFound"/> when there was none.</summary>
    public async Task<WriteOutcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = await WriteAsync(writer => writer.Delete(id), 1, cancellationToken).ConfigureAwait(false);
        metrics.Written(deleted ? "deleted" : "not_found");
        return deleted ? WriteOutcome.Deleted : WriteOutcome.NotFound;
    }

    public void Dispose() => _turn.Dispose();

    private async Task<T> WriteAsync<T>(Func<ArticleIndexWriter, T> write, int articles, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        var written = false;
        try
        {
            T result;
            using (var writer = ArticleIndexWriter.Open(options.Value.IndexPath))
            {
                try
                {
                    result = write(writer);
                    writer.Commit();
                }
                catch (Exception e) when (IndexDiskFullException.IsDiskFull(e))
                {
                    // Without the rollback, disposing the writer would try to commit the same changes again.
                    writer.RollbackAfterFailure();
                    throw new IndexDiskFullException(Path.GetFullPath(options.Value.IndexPath), e);
                }
            }

            written = true;
            searcher.RefreshNow();
            metrics.Refreshed();
            return result;
        }
        finally
        {
            if (!written)
            {
                // The index is locked by the indexer, its disk is full, or the write broke: nothing was committed.
                metrics.Written("failed", articles);
            }

            _turn.Release();
        }
    }
}
