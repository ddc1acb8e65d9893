using System.Globalization;
using System.Text;

namespace Search.Api.Tests.Hostile;

/// <summary>Counts outcomes per kind of input: how many were tried, statuses by class, the slowest answer and the failures.</summary>
internal sealed class HostileTally
{
    private readonly List<HostileOutcome> _outcomes = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _outcomes.Count;
            }
        }
    }

    public IReadOnlyList<HostileOutcome> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _outcomes.Where(outcome => outcome.Violations.Count > 0)];
            }
        }
    }

    public void Add(HostileOutcome outcome)
    {
        lock (_lock)
        {
            _outcomes.Add(outcome);
        }
    }

    /// <summary>One line per kind and one for all: inputs, statuses by class, slowest answer, failures; then the first failures in full.</summary>
    public string Summary()
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            var width = Math.Max(5, _outcomes.Select(outcome => outcome.Request.Kind.Length).DefaultIfEmpty(0).Max());
            text.AppendLine(CultureInfo.InvariantCulture, $"{"kind".PadRight(width)} | inputs | 2xx | 4xx (400/404) | 5xx | slowest ms | failures");
            foreach (var kind in _outcomes.GroupBy(outcome => outcome.Request.Kind))
            {
                text.AppendLine(Line(kind.Key.PadRight(width), [.. kind]));
            }

            text.AppendLine(Line("all".PadRight(width), _outcomes));
            var slowest = _outcomes.MaxBy(outcome => outcome.Elapsed);
            if (slowest is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"slowest: {slowest.Request} -> {slowest.Status} in {slowest.Elapsed.TotalMilliseconds:F1} ms");
            }

            // The first failure of each kind of input and each broken invariant, with how often that pair occurred.
            var failures = _outcomes
                .SelectMany(outcome => outcome.Violations.Select(violation => (outcome, Invariant: violation.Split(':')[0])))
                .GroupBy(failure => (failure.outcome.Request.Kind, failure.Invariant));
            foreach (var group in failures.Take(40))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"FAILED ×{group.Count()} {group.First().outcome}");
            }

            return text.ToString();
        }
    }

    private static string Line(string label, List<HostileOutcome> outcomes)
    {
        int Count(Func<int, bool> status) => outcomes.Count(outcome => status(outcome.Status));
        var slowest = outcomes.Count == 0 ? 0 : outcomes.Max(outcome => outcome.Elapsed.TotalMilliseconds);
        var fourXx = $"{Count(s => s is >= 400 and < 500)} ({Count(s => s == 400)}/{Count(s => s == 404)})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} | {outcomes.Count,6} | {Count(s => s is >= 200 and < 300),3} | {fourXx,13} | {Count(s => s >= 500),3} | {slowest,10:F1} | {outcomes.Count(outcome => outcome.Violations.Count > 0)}");
    }
}
