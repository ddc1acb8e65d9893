using System.CommandLine;
using Search.Core.Corpus;
using Search.Core.Errors;
using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>The indexer's command line: <c>&lt;file-or-folder&gt;... [--index dir]</c>, plus <c>delete</c>, <c>check</c>, <c>merge</c>,
/// and for a cluster <c>publish</c>, <c>snapshot</c> and <c>restore</c>.</summary>
internal static class IndexCommand
{
    public static RootCommand Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Files or folders to index (folders are walked recursively): {string.Join(", ", CorpusReader.SupportedExtensions)}",
            Arity = ArgumentArity.OneOrMore,
        };
        var index = IndexOption();
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad input and leave the index exactly as it was" };
        var prune = new Option<bool>("--prune") { Description = "Delete the articles of previously indexed files that no longer exist" };
        var commitEvery = new Option<int>("--commit-interval")
        {
            Description = "Seconds between commits during a long run; a crash loses at most this much work",
            DefaultValueFactory = _ => 30,
        };
        commitEvery.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--commit-interval must be at least 1 second.");
            }
        });
        var noMerge = new Option<bool>("--no-merge")
        {
            Description = "Leave a new index in the segments bulk indexing made instead of merging it into one (merging takes about as long as writing the index once; searches of one segment are faster)",
        };
        var rebuild = new Option<bool>("--rebuild") { Description = "Build the index anew (needed after an analyzer change); the old one serves until the new one is committed" };

        var command = new RootCommand("Indexes German news articles into a search index. Re-running skips unchanged files and updates changed articles.")
        {
            paths,
            index,
            strict,
            prune,
            rebuild,
            noMerge,
            commitEvery,
            MaintenanceCommands.Delete(),
            MaintenanceCommands.Check(),
            MaintenanceCommands.Merge(),
            PublishCommand.Create(),
            SnapshotCommands.Snapshot(),
            SnapshotCommands.Restore(),
        };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(paths),
            parsed.GetRequiredValue(index),
            new ImportOptions
            {
                Strict = parsed.GetValue(strict),
                Prune = parsed.GetValue(prune),
                Rebuild = parsed.GetValue(rebuild),
                MergeNewIndex = !parsed.GetValue(noMerge),
                CommitInterval = TimeSpan.FromSeconds(parsed.GetValue(commitEvery)),
            }));
        return command;
    }

    /// <summary>The <c>--index</c> option shared by every command.</summary>
    public static Option<string> IndexOption() => new("--index", "-i")
    {
        Description = "The index folder (default: index-data at the repository root inside the repository, else in the current folder)",
        DefaultValueFactory = _ => RepositoryPaths.Resolve("index-data"),
    };

    private static int Run(string[] paths, string indexPath, ImportOptions options)
    {
        AnsiConsole.MarkupLineInterpolated($"Indexing {string.Join(", ", paths)} into {Path.GetFullPath(indexPath)}");
        ImportSummary summary;
        try
        {
            summary = ProgressDisplay.Run(progress => CorpusImporter.Import(paths, indexPath, options, progress));
        }
        catch (IndexUnavailableException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        catch (IndexDiskFullException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ExitCodes.DiskFull;
        }

        SummaryTable.Write(summary);
        if (summary.NoIndexWritten)
        {
            Console.Error.WriteLine($"Error: no article found in {string.Join(", ", paths)}; no index was written at {Path.GetFullPath(indexPath)}. " +
                $"Articles are {string.Join(", ", CorpusReader.SupportedExtensions)} files; the repository's seeds/ is one.");
            return ExitCodes.NothingUsable;
        }

        if (summary.StoppedAtFirstProblem)
        {
            Console.WriteLine("Stopped at the first bad input (--strict); the index was left exactly as it was.");
            return ExitCodes.NothingUsable;
        }

        return summary.Read == 0 && summary.Skipped.Count > 0 ? ExitCodes.NothingUsable
            : summary.Skipped.Count > 0 ? ExitCodes.SomeSkipped
            : ExitCodes.Success;
    }
}
