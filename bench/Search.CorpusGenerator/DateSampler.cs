namespace Search.CorpusGenerator;

/// <summary>
/// Draws publication days from the first of January of the first year to the last of December of the last year.
/// The volume grows linearly, so the last day is <c>growth</c> times as likely as the first, as news output grows over the years.
/// </summary>
internal sealed class DateSampler
{
    private readonly DateOnly _first;
    private readonly int _days;
    private readonly double _slope;

    public DateSampler(int fromYear, int toYear, double growth)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromYear, toYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(growth, 1.0);
        _first = new DateOnly(fromYear, 1, 1);
        _days = new DateOnly(toYear, 12, 31).DayNumber - _first.DayNumber + 1;
        _slope = growth - 1.0;
    }

    public DateOnly Sample(Random random)
    {
        // Inverse of the cumulative distribution of the density 1 + slope·x on [0, 1).
        var u = random.NextDouble();
        var x = _slope == 0 ? u : (Math.Sqrt(1 + (2 * _slope * u * (1 + (_slope / 2)))) - 1) / _slope;
        var day = Math.Min((int)(x * _days), _days - 1);
        return _first.AddDays(day);
    }
}
