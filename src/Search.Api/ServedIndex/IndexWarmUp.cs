using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Core.Querying;

namespace Search.Api.ServedIndex;

/// <summary>
/// Warms the opened index up in the background while the service already answers, then marks it ready
/// (<c>/health/ready</c>): a probe sees the process live at once and ready when the first readers will find it fast.
/// </summary>
internal sealed partial class IndexWarmUp(ArticleSearcher searcher, IOptions<SearchOptions> options, IndexReadiness readiness, ILogger<IndexWarmUp> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => Run(stoppingToken), stoppingToken);

    private void Run(CancellationToken stoppingToken)
    {
        // One query through every stage (parsing, facets, highlighting) so the first reader does not wait for the JIT.
        searcher.Search(new SearchRequest("Nachrichten", [], 1, 1));
        // Then searches like the readers' until Search:WarmUpSeconds are spent, so the first of them are as fast as the rest.
        var warmUp = searcher.WarmUp(TimeSpan.FromSeconds(Math.Max(0, options.Value.WarmUpSeconds)), stoppingToken);
        LogWarmedUp(logger, warmUp.Searches, warmUp.Elapsed.TotalSeconds);
        var tables = searcher.CommonWords;
        LogCommonWords(logger, tables.Words, tables.Bytes / 1048576.0, tables.BuildTime.TotalSeconds, options.Value.CommonWordMemoryMiB);
        var completions = searcher.Completions;
        LogCompletions(logger, completions.Words, completions.MinArticles, completions.Bytes / 1048576.0, options.Value.CompletionMemoryMiB,
            completions.BuildTime.TotalSeconds);
        readiness.MarkWarmedUp();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up with {Searches} searches in {Seconds:F1} s; ready")]
    private static partial void LogWarmedUp(ILogger logger, int searches, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Score tables for {Words} common words: {MiB:F1} MiB of Search:CommonWordMemoryMiB {Budget}, built in {Seconds:F2} s")]
    private static partial void LogCommonWords(ILogger logger, int words, double miB, double seconds, int budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "Completion words: {Words} (each in {MinArticles}+ articles), {MiB:F1} MiB of Search:CompletionMemoryMiB {Budget}, built in {Seconds:F2} s")]
    private static partial void LogCompletions(ILogger logger, int words, int minArticles, double miB, int budget, double seconds);
}
