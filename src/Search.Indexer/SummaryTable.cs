using System.Text.RegularExpressions;
using Search.Core.Corpus;
using Search.Core.Indexing;
using Spectre.Console;

namespace Search.Indexer;

/// <summary>Prints what an import did: counts, skips by reason and each skipped input, time, rates and sizes.</summary>
internal static partial class SummaryTable
{
    private const int MaxListedSkips = 50;

    public static void Write(ImportSummary summary)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        var inputMiB = summary.InputBytes / 1048576.0;
        var table = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("added", $"{summary.Added:N0}");
        table.AddRow("updated", $"{summary.Updated:N0}");
        table.AddRow("unchanged", $"{summary.Unchanged:N0}" + (summary.UnchangedFiles > 0 ? $" ({summary.UnchangedFiles:N0} files not read again)" : ""));
        table.AddRow("deleted", $"{summary.Deleted:N0}");
        AddSkipRows(table, summary.Skipped);

        if (summary.ArticlesInIndex >= 0)
        {
            table.AddRow("articles in index", $"{summary.ArticlesInIndex:N0}");
        }

        if (summary.Segments > 0)
        {
            table.AddRow("segments", $"{summary.Segments:N0}");
        }

        table.AddRow("time", $"{seconds:N1} s");
        table.AddRow("articles/s", $"{summary.Read / seconds:N0}");
        table.AddRow("input", $"{inputMiB:N1} MiB ({inputMiB / seconds:N1} MiB/s)");
        table.AddRow("index size", $"{summary.IndexBytes / 1048576.0:N1} MiB");
        AnsiConsole.Write(table);

        if (summary.NotMerged is not null)
        {
            Console.WriteLine($"not merged into one segment: {summary.NotMerged}");
        }

        WriteSkipped(summary.Skipped);

        foreach (var repeated in summary.RepeatedIds.Take(MaxListedSkips))
        {
            Console.WriteLine($"repeated id {repeated}");
        }
    }

    /// <summary>The row of skipped input and one row per kind of reason, most frequent first.</summary>
    public static void AddSkipRows(Table table, IReadOnlyList<CorpusRecord> skipped)
    {
        table.AddRow("skipped", $"{skipped.Count:N0}");
        foreach (var reason in skipped.GroupBy(skip => Kind(skip.SkipReason)).OrderByDescending(group => group.Count()))
        {
            table.AddRow(Markup.Escape($"  {reason.Key}"), $"{reason.Count():N0}");
        }
    }

    /// <summary>Each skipped input with its file (and line) and reason, the first 50.</summary>
    public static void WriteSkipped(IReadOnlyList<CorpusRecord> skipped)
    {
        foreach (var skip in skipped.Take(MaxListedSkips))
        {
            Console.WriteLine($"skipped {skip.Location}: {skip.SkipReason}");
        }

        if (skipped.Count > MaxListedSkips)
        {
            Console.WriteLine($"… and {skipped.Count - MaxListedSkips:N0} more skipped");
        }
    }

    // Groups reasons that differ only in the quoted value or the numbers: "impossible date '2021-13'" → "impossible date '…'".
    private static string Kind(string? reason) =>
        Numbers().Replace(Quoted().Replace((reason ?? "").Split(';')[0].Split(" (")[0], "'…'"), "N");

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Numbers();
}
