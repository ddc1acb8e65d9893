using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>A live progress bar on a terminal; plain lines every few seconds when output is redirected (CI, logs).</summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private static bool Plain => Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;

    public static ImportSummary Run(Func<IProgress<ImportProgress>, ImportSummary> import)
    {
        if (Plain)
        {
            return import(PlainLines());
        }

        ImportSummary? summary = null;
        Bar().Start(context =>
        {
            var task = context.AddTask("reading", maxValue: 1);
            summary = import(BarUpdates(task));
            task.Value = task.MaxValue;
        });
        return summary!;
    }

    /// <summary>As <see cref="Run"/>, for work that awaits (publishing to the cluster).</summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Plain)
        {
            return await work(PlainLines()).ConfigureAwait(false);
        }

        return await Bar().StartAsync(async context =>
        {
            var task = context.AddTask("reading", maxValue: 1);
            var result = await work(BarUpdates(task)).ConfigureAwait(false);
            task.Value = task.MaxValue;
            return result;
        }).ConfigureAwait(false);
    }

    private static Progress Bar() => AnsiConsole.Progress()
        .AutoClear(true)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn());

    private static Reporter PlainLines()
    {
        var next = PlainInterval;
        return new Reporter(progress =>
        {
            if (progress.Merging)
            {
                Console.WriteLine($"  {progress.Articles:N0} articles indexed; merging the new index into one segment");
            }
            else if (progress.Elapsed >= next)
            {
                next = progress.Elapsed + PlainInterval;
                Console.WriteLine($"  {progress.Articles:N0} articles · {Rate(progress):N0}/s · {Share(progress):P0} · ETA {Eta(progress):m\\:ss}");
            }
        });
    }

    private static Reporter BarUpdates(ProgressTask task) => new(progress =>
    {
        task.MaxValue = Math.Max(1, progress.TotalBytes);
        task.Value = progress.BytesRead;
        task.Description = progress.Merging
            ? $"{progress.Articles:N0} articles · merging into one segment"
            : $"{progress.Articles:N0} articles · {Rate(progress):N0}/s";
    });

    private static double Rate(ImportProgress progress) => progress.Articles / Math.Max(progress.Elapsed.TotalSeconds, 0.001);

    private static double Share(ImportProgress progress) => progress.TotalBytes == 0 ? 0 : (double)progress.BytesRead / progress.TotalBytes;

    private static TimeSpan Eta(ImportProgress progress)
    {
        var share = Share(progress);
        return share <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(progress.Elapsed.TotalSeconds * (1 - share) / share);
    }

    /// <summary>Reports on the working thread itself; <see cref="Progress{T}"/> would post to the thread pool out of order.</summary>
    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
