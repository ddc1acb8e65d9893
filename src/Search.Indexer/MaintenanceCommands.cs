using System.CommandLine;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>The <c>delete</c>, <c>check</c> and <c>merge</c> commands.</summary>
internal static class MaintenanceCommands
{
    public static Command Delete()
    {
        var ids = new Argument<string[]>("ids") { Description = "Ids of the articles to delete", Arity = ArgumentArity.OneOrMore };
        var index = IndexCommand.IndexOption();
        var command = new Command("delete", "Deletes articles by id") { ids, index };
        command.SetAction(parsed => RunDelete(parsed.GetRequiredValue(ids), parsed.GetRequiredValue(index)));
        return command;
    }

    public static Command Check()
    {
        var index = IndexCommand.IndexOption();
        var command = new Command("check", "Verifies every segment of an index (checksums included) and prints articles per month") { index };
        command.SetAction(parsed => RunCheck(parsed.GetRequiredValue(index)));
        return command;
    }

    public static Command Merge()
    {
        var index = IndexCommand.IndexOption();
        var segments = new Option<int>("--segments")
        {
            Description = "The most segments to leave (1: one segment, the fastest to search)",
            DefaultValueFactory = _ => 1,
        };
        segments.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--segments must be at least 1.");
            }
        });
        var command = new Command("merge", "Merges the index into fewer segments, so searches set up less per query; needs up to the index's size in free disk") { index, segments };
        command.SetAction(parsed => RunMerge(parsed.GetRequiredValue(index), parsed.GetValue(segments)));
        return command;
    }

    private static int RunMerge(string indexPath, int maxSegments) => WithWriter(indexPath, "merge", writer =>
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (before, after) = writer.Merge(maxSegments);
        AnsiConsole.MarkupLineInterpolated($"merged {before:N0} segments into {after:N0} in {started.Elapsed.TotalSeconds:N1} s; {writer.Count:N0} articles in the index");
        return ExitCodes.Success;
    });

    private static int RunDelete(string[] ids, string indexPath) => WithWriter(indexPath, "delete", writer =>
    {
        var deleted = 0;
        foreach (var id in ids)
        {
            if (writer.Delete(id))
            {
                deleted++;
            }
            else
            {
                Console.WriteLine($"no article with id {id}");
            }
        }

        writer.Commit();
        AnsiConsole.MarkupLineInterpolated($"deleted {deleted:N0} of {ids.Length:N0}; {writer.Count:N0} articles in the index");
        return deleted == ids.Length ? ExitCodes.Success : ExitCodes.SomeSkipped;
    });

    // Opens the index for writing and runs the command; a missing, locked or foreign index and a full disk are reported
    // alike. A folder without an index is not given an empty one.
    private static int WithWriter(string indexPath, string verb, Func<ArticleIndexWriter, int> command)
    {
        if (!ArticleSearcher.Exists(indexPath))
        {
            Console.Error.WriteLine($"Error: no index at {Path.GetFullPath(indexPath)}, nothing to {verb}. Build one: {RepositoryPaths.IndexerCommand()} <corpus> --index {RepositoryPaths.Shown(indexPath)}");
            return ExitCodes.IndexUnavailable;
        }

        try
        {
            using var writer = ArticleIndexWriter.Open(indexPath);
            return command(writer);
        }
        catch (IndexUnavailableException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        catch (Exception e) when (IndexDiskFullException.IsDiskFull(e))
        {
            Console.Error.WriteLine($"Error: {new IndexDiskFullException(Path.GetFullPath(indexPath), e).Message}");
            return ExitCodes.DiskFull;
        }
    }

    private static int RunCheck(string indexPath)
    {
        IndexCheckReport report;
        try
        {
            report = IndexChecker.Check(indexPath);
        }
        catch (IndexUnavailableException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }

        if (!report.Healthy)
        {
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"damaged: {problem}");
            }

            Console.WriteLine($"The index at {Path.GetFullPath(indexPath)} is damaged. Rebuild it: run the indexer over your corpus with --rebuild.");
            return ExitCodes.IndexDamaged;
        }

        var table = new Table().AddColumn("month").AddColumn(new TableColumn("articles").RightAligned());
        foreach (var month in report.Months)
        {
            table.AddRow(month.Value, $"{month.Count:N0}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]healthy[/]: {report.Articles:N0} articles in {report.Segments} segments ({report.DeletedNotMerged:N0} deleted, not yet merged away), analyzer {report.AnalyzerVersion}, {report.Files:N0} input files recorded");
        return ExitCodes.Success;
    }
}
