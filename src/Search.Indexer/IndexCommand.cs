using System.CommandLine;
using Search.Core.Corpus;
using Search.Core.Errors;
using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>The indexer's command line: <c>&lt;file-or-folder&gt;... [--index dir]</c>.</summary>
internal static class IndexCommand
{
    public static RootCommand Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Files or folders to index (folders are walked recursively): {string.Join(", ", CorpusReader.SupportedExtensions)}",
            Arity = ArgumentArity.OneOrMore,
        };
        var index = new Option<string>("--index", "-i")
        {
            Description = "The index folder; created when missing",
            DefaultValueFactory = _ => "index-data",
        };

        var command = new RootCommand("Indexes German news articles into a search index. Re-running updates changed articles and skips unchanged ones.")
        {
            paths,
            index,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetRequiredValue(index)));
        return command;
    }

    private static int Run(string[] paths, string indexPath)
    {
        var missing = paths.Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            foreach (var path in missing)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] '{path}' does not exist. Pass a {string.Join(", ", CorpusReader.SupportedExtensions)} file or a folder of them.");
            }

            AnsiConsole.WriteLine("Nothing was indexed. Usage: dotnet run --project src/Search.Indexer -- <file-or-folder>... [--index <dir>]");
            return ExitCodes.BadArguments;
        }

        AnsiConsole.MarkupLineInterpolated($"Indexing {string.Join(", ", paths)} into {Path.GetFullPath(indexPath)}");
        ImportSummary summary;
        try
        {
            summary = CorpusImporter.Import(paths, indexPath, new SynchronousProgress(ReportProgress));
        }
        catch (IndexUnavailableException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
            return ExitCodes.IndexUnavailable;
        }

        SummaryTable.Write(summary);
        return summary.Read == 0 ? ExitCodes.NothingUsable
            : summary.Skipped.Count > 0 ? ExitCodes.SomeSkipped
            : ExitCodes.Success;
    }

    private static void ReportProgress(int read)
    {
        if (read % 10_000 == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"  {read:N0} articles read…");
        }
    }

    /// <summary>Reports on the indexing thread itself; <see cref="Progress{T}"/> would post to the thread pool out of order.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
