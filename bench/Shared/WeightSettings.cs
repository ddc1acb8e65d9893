using System.Globalization;
using System.Reflection;
using Search.Core.Ranking;

namespace Search.Bench;

/// <summary>Variants of the ranking's weights from <c>--set Name=value</c>: each names a property of
/// <see cref="RankingWeights"/>, so a change is measured before it is made.</summary>
internal static class WeightSettings
{
    /// <summary>As <see cref="Apply"/>; on a bad setting, says why on stderr and returns null.</summary>
    public static RankingWeights? TryApply(IEnumerable<string> settings)
    {
        try
        {
            return Apply(settings);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return null;
        }
    }

    /// <summary>The engine's weights with <paramref name="settings"/> applied.</summary>
    /// <exception cref="FormatException">A setting names no weight or has a value of the wrong kind (the message lists the weights).</exception>
    public static RankingWeights Apply(IEnumerable<string> settings)
    {
        var weights = RankingWeights.Default with { };
        var properties = typeof(RankingWeights).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite).ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            var (name, value) = setting.Split('=', 2) is [var n, var v] ? (n.Trim(), v.Trim()) : (setting, string.Empty);
            if (!properties.TryGetValue(name, out var property))
            {
                throw new FormatException($"--set {setting}: no weight is called '{name}'; the weights are {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}.");
            }

            try
            {
                property.SetValue(weights, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new FormatException($"--set {setting}: {property.Name} takes a {property.PropertyType.Name}; got '{value}'.", e);
            }
        }

        return weights;
    }
}
