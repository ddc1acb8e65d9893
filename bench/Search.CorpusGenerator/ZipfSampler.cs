namespace Search.CorpusGenerator;

/// <summary>
/// Draws ranks 0..count-1 with a Zipf–Mandelbrot law, P(rank k) ∝ 1 / (k + 1 + offset)^exponent.
/// The offset flattens the head, so the most popular item is frequent without swamping everything else.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent, double offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _cumulative = new double[count];
        var sum = 0.0;
        for (var k = 0; k < count; k++)
        {
            sum += 1.0 / Math.Pow(k + 1 + offset, exponent);
            _cumulative[k] = sum;
        }

        for (var k = 0; k < count; k++)
        {
            _cumulative[k] /= sum;
        }

        _cumulative[^1] = 1.0;
    }

    /// <summary>The probability of the most frequent rank.</summary>
    public double HeadProbability => _cumulative[0];

    public int Sample(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return index >= 0 ? index : ~index;
    }
}
