namespace Search.Relevance.Adhoc;

/// <summary>Percentile bootstrap over topics: topics are drawn with replacement as often as there are topics, the mean
/// taken, and the 2.5th and 97.5th percentiles of 10,000 such means are the 95 % interval. For a difference between two
/// runs the draws are of per-topic differences (paired), so topic difficulty cancels out.</summary>
internal static class Bootstrap
{
    /// <summary>Resamples per interval.</summary>
    public const int Resamples = 10_000;

    /// <summary>The 95 % interval of the mean of <paramref name="values"/>; a fixed seed gives the same interval every run.</summary>
    public static (double Low, double High) Interval(IReadOnlyList<double> values, int seed = 20)
    {
        if (values.Count == 0)
        {
            return (0, 0);
        }

        var random = new Random(seed);
        var means = new double[Resamples];
        for (var i = 0; i < Resamples; i++)
        {
            var sum = 0d;
            for (var j = 0; j < values.Count; j++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[i] = sum / values.Count;
        }

        Array.Sort(means);
        return (means[(int)(Resamples * 0.025)], means[(int)(Resamples * 0.975) - 1]);
    }
}
