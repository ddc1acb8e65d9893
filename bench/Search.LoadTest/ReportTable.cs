using System.Globalization;
using System.Text;

namespace Search.LoadTest;

/// <summary>Formats a load report as markdown, ready for <c>bench/RESULTS.md</c>.</summary>
internal static class ReportTable
{
    public static string Format(LoadReport report)
    {
        var text = new StringBuilder();
        var filtered = report.MonthShare > 0 ? $", {Pct(report.MonthShare)} with &month=" : string.Empty;
        text.AppendLine(Invariant($"HTTP load: {report.Clients} closed-loop clients, {report.Queries} queries round-robin (GET /api/search?q=…{filtered}) against {report.BaseAddress} ({(report.Articles is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "?")} articles)."));
        text.AppendLine(Invariant($"Warm-up: {report.WarmupRequests:N0} requests in {report.WarmupSeconds:F1} s (not counted). Load average before / after: {report.LoadAverageBefore} / {report.LoadAverageAfter}."));
        text.AppendLine();
        text.AppendLine("| requests | seconds | requests/s | p50 ms | p95 ms | p99 ms | max ms | mean ms | server tookMs p50 / p99 | errors | partial |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var l = report.Latency;
        text.AppendLine(Invariant(
            $"| {report.Requests:N0} | {report.Seconds:F1} | {report.RequestsPerSecond:F1} | {Ms(l.P50Ms)} | {Ms(l.P95Ms)} | {Ms(l.P99Ms)} | {Ms(l.MaxMs)} | {Ms(l.MeanMs)} | {Ms(report.ServerTook.P50Ms)} / {Ms(report.ServerTook.P99Ms)} | {report.Errors:N0} | {report.Partial:N0} |"));
        text.AppendLine();
        text.AppendLine("Latency is the client's, from sending the request to the last byte of the response, over the 2xx responses; " +
            Invariant($"mean response {report.MeanResponseBytes / 1024:F1} KiB."));

        text.AppendLine();
        text.AppendLine("| outcome | count |");
        text.AppendLine("|---|---:|");
        foreach (var (status, count) in report.Statuses.OrderBy(pair => pair.Key))
        {
            text.AppendLine(Invariant($"| HTTP {status} | {count:N0} |"));
        }

        foreach (var (kind, count) in report.Exceptions.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant($"| {kind} (no response) | {count:N0} |"));
        }

        if (report.BadBodies > 0)
        {
            text.AppendLine(Invariant($"| 2xx that was not a search response | {report.BadBodies:N0} |"));
        }

        if (report.Samples.Count > 0)
        {
            text.AppendLine();
        }

        foreach (var (key, sample) in report.Samples.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- first {key}: `{sample.ReplaceLineEndings(" ").Replace('`', '\'')}`");
        }

        if (report.Statuses.ContainsKey(429))
        {
            text.AppendLine();
            text.AppendLine("429 is the per-client rate limit: start the API with Search__Limits__RequestsPerMinute=0 for a load run.");
        }

        if (report.Server is { } s)
        {
            text.AppendLine();
            text.AppendLine("| API process | RSS before MiB | RSS max MiB (sampled) | RSS after MiB | VmHWM MiB (since start) | threads max | CPU s | CPU ms / request | client CPU s |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            text.AppendLine(Invariant(
                $"| pid {s.Pid} | {s.RssBeforeMib:F0} | {s.RssMaxMib:F0} | {s.RssAfterMib:F0} | {s.HwmMib:F0} | {s.MaxThreads} | {s.CpuSeconds:F1} | {s.CpuMsPerRequest:F2} | {report.ClientCpuSeconds:F1} |"));
            text.AppendLine();
            text.AppendLine(Invariant($"RSS sampled {s.Samples} times during the measured run; CPU from /proc/{s.Pid}/stat (user + system)."));
        }
        else
        {
            text.AppendLine();
            text.AppendLine(Invariant($"No server memory: pass --pid (or --index to let the tool start the API). Client CPU {report.ClientCpuSeconds:F1} s."));
        }

        return text.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
