namespace Search.Core.Analysis;

/// <summary>
/// The best reading of a word as a compound found so far, while <see cref="CompoundSplitter"/> searches its readings:
/// the parts, and the log of the geometric mean of their counts.
/// </summary>
internal struct CompoundReading(double wholeWord)
{
    private int _linking;

    public List<(int Start, int Length)>? Parts { get; private set; }

    /// <summary>The log of the geometric mean of the part counts.</summary>
    public double Score { get; private set; }

    // Only readings whose parts are more frequent than the whole word count. Fewest parts first, then fewest linking letters ("therapie + erfolge", not "therapie + er + folge"), then the mean.
    public void Offer(List<(int Start, int Length)> parts, double logSum, int linking)
    {
        var score = logSum / parts.Count;
        if (score <= wholeWord)
        {
            return;
        }

        var better = Parts is null
            || parts.Count < Parts.Count
            || (parts.Count == Parts.Count && (linking < _linking || (linking == _linking && score > Score + 1e-9)));
        if (better)
        {
            Score = score;
            _linking = linking;
            Parts = [.. parts];
        }
    }
}
