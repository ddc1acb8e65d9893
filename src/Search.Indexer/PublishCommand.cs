using System.CommandLine;
using NATS.Client.Core;
using Search.Cluster;
using Search.Core.Corpus;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>
/// <c>publish &lt;paths…&gt; --nats &lt;urls&gt;</c>: reads what the indexer reads and publishes each article to the cluster's
/// stream, where every node picks it up. Bad input is reported as the indexer reports it; only articles JetStream
/// acknowledged are counted as published.
/// </summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Files or folders to publish (folders are walked recursively): {string.Join(", ", CorpusReader.SupportedExtensions)}",
            Arity = ArgumentArity.OneOrMore,
        };
        var nats = ClusterOptions.Nats();
        var replicas = ClusterOptions.Replicas($"the stream {ClusterSettings.StreamName}");
        var window = new Option<int>("--window")
        {
            Description = "Publishes awaiting JetStream's acknowledgement at once",
            DefaultValueFactory = _ => CorpusPublisher.DefaultWindow,
        };
        window.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--window must be at least 1.");
            }
        });
        var command = new Command("publish", "Publishes articles to the cluster's stream (NATS JetStream); every node indexes them") { paths, nats, replicas, window };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(paths), parsed.GetRequiredValue(nats), parsed.GetValue(replicas), parsed.GetValue(window), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string urls, int replicas, int window, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Publishing {string.Join(", ", paths)} to the stream {ClusterSettings.StreamName} at {urls}"); // unwrapped: URLs are long
        ArticleLog log;
        try
        {
            log = await ArticleLog.OpenAsync(urls, replicas, ClusterOptions.ClientName, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsException e)
        {
            return ClusterOptions.Unavailable(urls, e, "could not connect");
        }

        await using (log.ConfigureAwait(false))
        {
            var summary = await ProgressDisplay.RunAsync(progress => CorpusPublisher.PublishAsync(paths, log, window, progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
            long? messages = null;
            if (summary.Failure is null)
            {
                try
                {
                    messages = (await log.JetStream.GetStreamAsync(ClusterSettings.StreamName, cancellationToken: cancellationToken).ConfigureAwait(false)).Info.State.Messages;
                }
                catch (NatsException)
                {
                    // Only the count for the summary; every article was acknowledged.
                }
            }

            Write(summary, messages);
            if (summary.Failure is OperationCanceledException)
            {
                Console.Error.WriteLine($"Cancelled after {summary.Published:N0} articles were acknowledged; publishing the same input again is safe (every article is an upsert by id).");
                return ExitCodes.Cancelled;
            }

            if (summary.Failure is not null)
            {
                ClusterOptions.Unavailable(urls, summary.Failure, "publishing stopped");
                Console.Error.WriteLine(
                    $"{summary.Published:N0} articles were acknowledged before that (some sent after may be stored too); publishing the same input again is safe (every article is an upsert by id).");
                return ExitCodes.ClusterUnavailable;
            }

            if (summary.Read == 0)
            {
                Console.Error.WriteLine($"Error: no article found in {string.Join(", ", paths)}; nothing was published. " +
                    $"Articles are {string.Join(", ", CorpusReader.SupportedExtensions)} files; the repository's seeds/ is one.");
                return ExitCodes.NothingUsable;
            }

            return summary.Skipped.Count > 0 ? ExitCodes.SomeSkipped : ExitCodes.Success;
        }
    }

    private static void Write(PublishSummary summary, long? messages)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        var inputMiB = summary.InputBytes / 1048576.0;
        var table = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("published", $"{summary.Published:N0}");
        SummaryTable.AddSkipRows(table, summary.Skipped);
        table.AddRow("last sequence", $"{summary.LastSequence:N0}");
        if (messages is { } count)
        {
            table.AddRow("messages in stream", $"{count:N0}");
        }

        table.AddRow("time", $"{seconds:N1} s");
        table.AddRow("articles/s", $"{summary.Published / seconds:N0}");
        table.AddRow("input", $"{inputMiB:N1} MiB ({inputMiB / seconds:N1} MiB/s)");
        AnsiConsole.Write(table);
        SummaryTable.WriteSkipped(summary.Skipped);
    }
}
