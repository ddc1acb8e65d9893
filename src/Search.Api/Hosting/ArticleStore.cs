using Microsoft.Extensions.Options;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Hosting;

/// <summary>
/// The API's write path. Writes from this process take turns; each batch opens the index writer, commits and
/// closes it again, so an acknowledged write is durable and the CLI indexer can still take the index between
/// writes. While the CLI holds the index, a write fails with <see cref="Search.Core.Errors.IndexUnavailableException"/>;
/// on a full disk with <see cref="IndexDiskFullException"/>, after rolling back so the index stays as of its last commit.
/// </summary>
internal sealed class ArticleStore(IOptions<SearchOptions> options, ArticleSearcher searcher) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Writes the articles in order, commits, and makes them visible to search before returning.</summary>
    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<NewsArticle> articles, CancellationToken cancellationToken) =>
        await WriteAsync(writer => articles.Select(article => writer.Upsert(article)).ToList(), cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the article; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await WriteAsync(writer => writer.Delete(id), cancellationToken).ConfigureAwait(false);

    public void Dispose() => _turn.Dispose();

    private async Task<T> WriteAsync<T>(Func<ArticleIndexWriter, T> write, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
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

            searcher.RefreshNow();
            return result;
        }
        finally
        {
            _turn.Release();
        }
    }
}
