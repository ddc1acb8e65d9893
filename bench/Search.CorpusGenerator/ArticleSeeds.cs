namespace Search.CorpusGenerator;

/// <summary>
/// Gives each article number its own <see cref="Random"/> seed, so an article depends only on the run's seed and its number:
/// shards can be written in parallel and still hold exactly what one file would.
/// </summary>
internal static class ArticleSeeds
{
    private const uint Mask = 0x7FFF_FFFF;

    /// <summary>
    /// A bijection on 31-bit numbers, so no two articles of a run share a seed (and a body).
    /// Each step (add, multiply by an odd number, xor with a right shift) is invertible modulo 2^31.
    /// </summary>
    public static int For(int runSeed, int articleNumber)
    {
        var x = ((uint)articleNumber + ((uint)runSeed * 0x9E37_79B9)) & Mask;
        x = (x * 0x2C1B_3C6D) & Mask;
        x ^= x >> 16;
        x = (x * 0x297A_2D39) & Mask;
        x ^= x >> 15;
        return (int)x;
    }
}
