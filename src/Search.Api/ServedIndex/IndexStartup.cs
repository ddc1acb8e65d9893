using Search.Api.Hosting;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.ServedIndex;

/// <summary>Opens the index at start-up, first indexing the seeds folder when there is no index yet.</summary>
internal static partial class IndexStartup
{
    /// <param name="options">The index and seeds folders.</param>
    /// <param name="logger">Where start-up is logged.</param>
    /// <param name="cluster">Cluster mode (or null): a missing index is restored from the newest snapshot, or else starts
    /// empty, never from the seeds; the node fills it from the stream, which holds every article of the cluster and
    /// nothing else.</param>
    /// <exception cref="IndexUnavailableException">There is no index and no seeds folder to build one from, or the index is damaged.</exception>
    public static ArticleSearcher Open(SearchOptions options, ILogger logger, Search.Cluster.ClusterSettings? cluster = null)
    {
        if (cluster is { Enabled: true } && !ArticleSearcher.Exists(options.IndexPath) && !Cluster.SnapshotRestore.TryRestore(options.IndexPath, cluster, logger))
        {
            LogEmptyNode(logger, options.IndexPath);
            using var writer = ArticleIndexWriter.Open(options.IndexPath);
            writer.Commit();
        }

        // Only a missing index is built from the seeds; a damaged one is refused, never written over.
        if (!ArticleSearcher.Exists(options.IndexPath) && Directory.Exists(options.SeedsPath))
        {
            LogIndexingSeeds(logger, options.IndexPath, options.SeedsPath);
            var summary = CorpusImporter.Import([options.SeedsPath], options.IndexPath);
            LogIndexedSeeds(logger, summary.Added, summary.Skipped.Count, summary.Elapsed.TotalSeconds);
            foreach (var skip in summary.Skipped)
            {
                LogSkipped(logger, skip.Location, skip.SkipReason);
            }
        }

        return ArticleSearcher.Open(options.IndexPath, options.VerifyIndexAtStart, (long)Math.Max(0, options.CommonWordMemoryMiB) << 20,
            (long)Math.Max(0, options.CompletionMemoryMiB) << 20);
    }

    /// <summary>Opens the index now rather than on the first request; false (after logging how to fix it) when it cannot.
    /// The warm-up follows in the background (<see cref="IndexWarmUp"/>).</summary>
    public static bool OpensAtStartup(IServiceProvider services, ILogger logger)
    {
        try
        {
            var searcher = services.GetRequiredService<ArticleSearcher>();
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value;
            if (searcher.IndexAnalyzerVersion is { } built && built != ArticleFields.AnalyzerVersion)
            {
                LogOlderAnalyzer(logger, options.IndexPath, built, ArticleFields.AnalyzerVersion,
                    $"{RepositoryPaths.IndexerCommand()} <your corpus> --index {RepositoryPaths.Shown(options.IndexPath)} --rebuild");
            }

            if (string.IsNullOrEmpty(options.AdminKey))
            {
                LogReadOnly(logger);
            }

            return true;
        }
        catch (IndexUnavailableException e)
        {
            LogUnavailable(logger, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index at {IndexPath} was built with analyzer '{Built}', but this service analyses queries as '{Current}': some words will not match their articles, and writes are refused. Rebuild it: {Command}")]
    private static partial void LogOlderAnalyzer(ILogger logger, string indexPath, string built, string current, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Search:AdminKey is configured: the service is read-only and refuses writes")]
    private static partial void LogReadOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogUnavailable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index at {IndexPath}; cluster mode starts it empty and fills it from the stream")]
    private static partial void LogEmptyNode(ILogger logger, string indexPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index at {IndexPath}; indexing {SeedsPath} first")]
    private static partial void LogIndexingSeeds(ILogger logger, string indexPath, string seedsPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Added} seed articles ({Skipped} skipped) in {Seconds:F1} s")]
    private static partial void LogIndexedSeeds(ILogger logger, int added, int skipped, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Location}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string location, string? reason);
}
