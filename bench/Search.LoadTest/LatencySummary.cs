namespace Search.LoadTest;

/// <summary>Latency over a set of requests, in milliseconds.</summary>
internal sealed record LatencySummary(int N, double P50Ms, double P95Ms, double P99Ms, double MeanMs, double MaxMs)
{
    /// <summary>Percentiles by nearest rank, as the peers and <c>bench/Search.Latency</c> compute them.</summary>
    public static LatencySummary From(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Average(), sorted[^1]);
    }

    // Java's Math.round (floor of x + 0.5), as in the peers' Bench.java.
    private static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Floor((p / 100.0 * sorted.Length) + 0.5 + 0.5) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
