using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>Prints what an import did: counts, every skipped input with its reason, time and sizes.</summary>
internal static class SummaryTable
{
    public static void Write(ImportSummary summary)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        var table = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("added", $"{summary.Added:N0}");
        table.AddRow("updated", $"{summary.Updated:N0}");
        table.AddRow("unchanged", $"{summary.Unchanged:N0}");
        table.AddRow("skipped", $"{summary.Skipped.Count:N0}");
        table.AddRow("articles in index", $"{summary.ArticlesInIndex:N0}");
        table.AddRow("time", $"{seconds:N1} s");
        table.AddRow("articles/s", $"{summary.Read / seconds:N0}");
        table.AddRow("input", $"{summary.InputBytes / 1048576.0:N1} MiB ({summary.InputBytes / 1048576.0 / seconds:N1} MiB/s)");
        table.AddRow("index size", $"{summary.IndexBytes / 1048576.0:N1} MiB");
        AnsiConsole.Write(table);

        foreach (var skip in summary.Skipped)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]skipped[/] {skip.Location}: {skip.SkipReason}");
        }

        foreach (var repeated in summary.RepeatedIds)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]repeated id[/] {repeated}");
        }
    }
}
