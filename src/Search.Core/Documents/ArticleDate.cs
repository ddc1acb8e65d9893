using System.Globalization;

namespace Search.Core.Documents;

/// <summary>Parses and checks the article dates the engine accepts: <c>YYYY-MM-DD</c> or <c>YYYY-MM</c>.</summary>
public static class ArticleDate
{
    /// <summary>True when <paramref name="value"/> is a real calendar month written <c>YYYY-MM</c>.</summary>
    public static bool IsMonth(string? value) =>
        value is { Length: 7 } && DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>True when <paramref name="value"/> is a real calendar day <c>YYYY-MM-DD</c> or month <c>YYYY-MM</c>.</summary>
    public static bool IsValid(string? value) =>
        IsMonth(value) ||
        (value is { Length: 10 } && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>A sortable number for the date: <c>yyyyMMdd</c>, with day 00 for a month-only date.</summary>
    public static long ToSortKey(string date)
    {
        var year = int.Parse(date.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(date.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var day = date.Length == 10 ? int.Parse(date.AsSpan(8, 2), CultureInfo.InvariantCulture) : 0;
        return (year * 10_000L) + (month * 100L) + day;
    }
}
