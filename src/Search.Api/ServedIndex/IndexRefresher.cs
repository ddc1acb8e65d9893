using Search.Api.Metrics;
using Search.Core.Querying;

namespace Search.Api.ServedIndex;

/// <summary>Picks up what an indexer committed, about once a second, so new articles are searchable without a restart.</summary>
internal sealed partial class IndexRefresher(ArticleSearcher searcher, SearchMetrics metrics, ILogger<IndexRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                searcher.Refresh();
                metrics.Refreshed();
            }
            catch (IOException e)
            {
                // Keep serving the snapshot we have; the next tick tries again.
                LogRefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reopen the index; still serving the previous snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
