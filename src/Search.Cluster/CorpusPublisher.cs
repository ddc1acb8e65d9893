using System.Diagnostics;
using NATS.Client.Core;
using Search.Core.Corpus;
using Search.Core.Indexing;

namespace Search.Cluster;

/// <summary>
/// Reads corpus files and folders (what the indexer reads: seed <c>.txt</c>, <c>.jsonl</c>, <c>.jsonl.gz</c>) and
/// publishes every article to the <see cref="ArticleLog"/>: the indexer's <c>publish</c> command. Bad input is skipped
/// and reported as the indexer does. The articles go out in input order on one connection, so the stream holds them in
/// that order and, for an id that occurs twice, the last one wins.
/// </summary>
public static class CorpusPublisher
{
    /// <summary>Publishes in flight by default: enough to keep three replicas busy, a few MB of articles in memory.</summary>
    public const int DefaultWindow = 1000;

    /// <summary>How long an acknowledgement may take by default: well past a JetStream leader election after a
    /// server died (a few seconds), short of leaving a script waiting on a cluster that is down.</summary>
    public static readonly TimeSpan DefaultAckTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Publishes every article under <paramref name="paths"/>; stops at the first publish that fails.</summary>
    /// <param name="paths">Files or folders to read.</param>
    /// <param name="log">The stream to publish to.</param>
    /// <param name="window">The most publishes awaiting their acknowledgement at once.</param>
    /// <param name="progress">Told how far the run has got, a few times a second.</param>
    /// <param name="ackTimeout">How long to wait for an acknowledgement (<see cref="DefaultAckTimeout"/> when null).</param>
    /// <param name="cancellationToken">Stops the run; what was acknowledged by then is counted.</param>
    /// <returns>The counts; <see cref="PublishSummary.Failure"/> says why it stopped early, if it did.</returns>
    public static async Task<PublishSummary> PublishAsync(
        IReadOnlyCollection<string> paths, ArticleLog log, int window = DefaultWindow, IProgress<ImportProgress>? progress = null, TimeSpan? ackTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var skipped = new List<CorpusRecord>();
        var files = CorpusReader.FindFiles(paths, skipped);
        var totalBytes = files.Sum(file => file.Size);
        var acks = new AckWindow(window, ackTimeout ?? DefaultAckTimeout);
        var read = 0;
        long bytesDone = 0;
        var lastProgress = TimeSpan.Zero;
        Exception? failure = null;
        try
        {
            foreach (var file in files)
            {
                foreach (var record in CorpusReader.Read(file))
                {
                    if (record.Article is null)
                    {
                        skipped.Add(record);
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    read++;
                    await acks.AddAsync(log.PublishAsync(record.Article, cancellationToken)).ConfigureAwait(false);
                    if (progress is not null && clock.Elapsed - lastProgress >= ProgressInterval)
                    {
                        lastProgress = clock.Elapsed;
                        progress.Report(new ImportProgress(acks.Acknowledged, bytesDone + file.BytesRead, totalBytes, clock.Elapsed));
                    }
                }

                bytesDone += file.Size;
            }

            await acks.DrainAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or OperationCanceledException or TimeoutException)
        {
            failure = e;
            acks.Abandon();
        }

        return new PublishSummary(acks.Acknowledged, skipped, acks.LastSequence, clock.Elapsed, totalBytes) { Failure = failure, Read = read };
    }
}
