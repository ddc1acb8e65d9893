using System.Globalization;
using System.Text;

namespace Search.Latency;

/// <summary>Formats a report as markdown in the peers' layout, so our row can sit in their table.</summary>
internal static class ResultTable
{
    /// <summary>The <c>p50 / p99</c> table, the full percentiles per mode, errors and the totals check.</summary>
    public static string Format(LatencyReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"| engine | Q1 | Q2 | Q3 | Q4 | Q3 q/s ({report.Clients} clients) |");
        text.AppendLine("|---|---|---|---|---|---:|");
        var cells = report.Modes.Select(mode => $"{Ms(mode.Latency.P50Ms)} / {Ms(mode.Latency.P99Ms)}");
        text.AppendLine($"| {report.Engine} | {string.Join(" | ", cells)} | {report.Q3PerSecond.ToString("F1", CultureInfo.InvariantCulture)} |");
        text.AppendLine();
        text.AppendLine("| mode | queries | timed calls | p50 ms | p95 ms | p99 ms | mean ms | max ms | errors | partial |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in report.Modes)
        {
            var l = mode.Latency;
            text.AppendLine($"| {mode.Mode} | {mode.Queries} | {l.N} | {Ms(l.P50Ms)} | {Ms(l.P95Ms)} | {Ms(l.P99Ms)} | {Ms(l.MeanMs)} | {Ms(l.MaxMs)} | {mode.Errors.Count} | {mode.Partial} |");
        }

        foreach (var error in report.Modes.SelectMany(mode => mode.Errors.Select(message => $"{mode.Mode} rejected: {message}")))
        {
            text.AppendLine().Append("- ").Append(error);
        }

        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"Warm-up after opening: {report.WarmUpSearches} searches in {report.WarmUpSeconds:F1} s; then per mode {report.Warmups} untimed pass(es) and {report.Repeats} timed."));
        text.AppendLine(report.SameTotalsAsLucene is { } same
            ? $"Total hits (Q2) equal to Lucene's: {same} of {report.ComparedWithLucene} queries."
            : "Total hits not compared (no --lucene file).");
        return text.ToString();
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
