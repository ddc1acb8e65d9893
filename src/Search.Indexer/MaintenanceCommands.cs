using System.CommandLine;
using Search.Core.Errors;
using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>The <c>delete</c> and <c>check</c> commands.</summary>
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

    private static int RunDelete(string[] ids, string indexPath)
    {
        try
        {
            using var writer = ArticleIndexWriter.Open(indexPath);
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
