namespace Search.Latency;

/// <summary>Everything one run measured, as printed and as written to <c>--json</c>.</summary>
/// <param name="Engine">The row label.</param>
/// <param name="Articles">Articles in the index.</param>
/// <param name="WarmUpSearches">Searches of <c>ArticleSearcher.WarmUp</c> after opening the index.</param>
/// <param name="WarmUpSeconds">How long that warm-up took.</param>
/// <param name="Warmups">Untimed passes per mode.</param>
/// <param name="Repeats">Timed passes per mode.</param>
/// <param name="Modes">Latency per mode.</param>
/// <param name="Clients">Concurrent clients of the throughput run.</param>
/// <param name="Q3PerSecond">Q3 queries per second with <paramref name="Clients"/> clients.</param>
/// <param name="Hits">Our total per query (from Q2), null where the query was rejected.</param>
/// <param name="SameTotalsAsLucene">Queries whose total equals Lucene's, or null without a Lucene file.</param>
/// <param name="ComparedWithLucene">Queries compared with Lucene's totals.</param>
internal sealed record LatencyReport(
    string Engine,
    int Articles,
    int WarmUpSearches,
    double WarmUpSeconds,
    int Warmups,
    int Repeats,
    IReadOnlyList<ModeResult> Modes,
    int Clients,
    double Q3PerSecond,
    IReadOnlyList<QueryTotal> Hits,
    int? SameTotalsAsLucene,
    int ComparedWithLucene);
