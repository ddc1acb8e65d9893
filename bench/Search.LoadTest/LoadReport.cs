namespace Search.LoadTest;

/// <summary>Everything one load run measured, as printed and as written to <c>--json</c>.</summary>
/// <param name="BaseAddress">The API's address.</param>
/// <param name="Articles">Articles in the index, from <c>/health</c>.</param>
/// <param name="Queries">Distinct queries in the plan.</param>
/// <param name="MonthShare">Share of requests with a month filter.</param>
/// <param name="Clients">Concurrent closed-loop clients.</param>
/// <param name="WarmupRequests">Requests of the untimed warm-up.</param>
/// <param name="WarmupSeconds">How long the warm-up took.</param>
/// <param name="Seconds">How long the measured run took, first request to last response.</param>
/// <param name="Requests">Requests of the measured run that got a response or an exception.</param>
/// <param name="RequestsPerSecond"><paramref name="Requests"/> per second.</param>
/// <param name="Latency">Client-side latency of the 2xx responses.</param>
/// <param name="ServerTook">The server's own <c>tookMs</c> of the 2xx responses (the search call only).</param>
/// <param name="Statuses">Responses by status code.</param>
/// <param name="Exceptions">Requests without a response, by kind.</param>
/// <param name="Samples">The first body or message of each non-2xx status and exception kind.</param>
/// <param name="Partial">2xx responses marked partial (time budget ran out).</param>
/// <param name="BadBodies">2xx responses that were not a search response.</param>
/// <param name="MeanResponseBytes">Mean body size.</param>
/// <param name="Server">The server's memory, threads and CPU, or null without a process to read.</param>
/// <param name="ClientCpuSeconds">CPU time the load tool itself used during the measured run.</param>
/// <param name="LoadAverageBefore">The machine's 1/5/15-minute load average before the warm-up.</param>
/// <param name="LoadAverageAfter">The same after the measured run.</param>
internal sealed record LoadReport(
    string BaseAddress,
    int? Articles,
    int Queries,
    double MonthShare,
    int Clients,
    long WarmupRequests,
    double WarmupSeconds,
    double Seconds,
    long Requests,
    double RequestsPerSecond,
    LatencySummary Latency,
    LatencySummary ServerTook,
    IReadOnlyDictionary<int, long> Statuses,
    IReadOnlyDictionary<string, long> Exceptions,
    IReadOnlyDictionary<string, string> Samples,
    long Partial,
    long BadBodies,
    double MeanResponseBytes,
    ServerUsage? Server,
    double ClientCpuSeconds,
    string LoadAverageBefore,
    string LoadAverageAfter)
{
    /// <summary>Non-2xx responses plus requests without a response.</summary>
    public long Errors => Statuses.Where(pair => pair.Key is < 200 or >= 300).Sum(pair => pair.Value) + Exceptions.Values.Sum();
}
