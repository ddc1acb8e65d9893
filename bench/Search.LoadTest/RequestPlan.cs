namespace Search.LoadTest;

/// <summary>
/// The request paths in the order they are sent: the queries round-robin, and a share of them (spread evenly, the same
/// every run) with the query's month as a filter.
/// </summary>
internal sealed class RequestPlan
{
    private readonly string[] _plain;
    private readonly string?[] _withMonth;
    private readonly double _monthShare;

    public RequestPlan(IReadOnlyList<LoadQuery> queries, double monthShare)
    {
        ArgumentOutOfRangeException.ThrowIfZero(queries.Count);
        _plain = [.. queries.Select(query => Path(query.Text, null))];
        _withMonth = [.. queries.Select(query => query.Month is null ? null : Path(query.Text, query.Month))];
        _monthShare = monthShare;
    }

    /// <summary>How many distinct queries the plan cycles through.</summary>
    public int Queries => _plain.Length;

    /// <summary>The path and query string of the <paramref name="sequence"/>-th request.</summary>
    public string PathOf(long sequence)
    {
        var i = (int)(sequence % _plain.Length);
        // Request n is filtered when the running total of the share passes a whole number: 0.25 filters every 4th.
        var filtered = Math.Floor((sequence + 1) * _monthShare) > Math.Floor(sequence * _monthShare);
        return filtered && _withMonth[i] is { } path ? path : _plain[i];
    }

    private static string Path(string text, string? month) =>
        month is null ? $"api/search?q={Uri.EscapeDataString(text)}" : $"api/search?q={Uri.EscapeDataString(text)}&month={Uri.EscapeDataString(month)}";
}
