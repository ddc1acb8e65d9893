namespace Search.Indexer.Tests;

/// <summary>A moment at which a crash test kills the indexer: <see cref="WaitFor"/> returns when that moment has come.</summary>
/// <param name="Name">How the moment is reported in the test output.</param>
/// <param name="WaitFor">Blocks until it is time to kill the running indexer; returns a note on what it waited for, or null.</param>
public sealed record KillPoint(string Name, Func<IndexerProcess, string?> WaitFor)
{
    /// <summary>Kills once <paramref name="delay"/> has passed since the process was started.</summary>
    public static KillPoint After(TimeSpan delay, string? name = null) => new(name ?? $"after {delay.TotalMilliseconds:N0} ms", indexer =>
    {
        var left = delay - indexer.Elapsed;
        if (left > TimeSpan.Zero)
        {
            Thread.Sleep(left);
        }

        return null;
    });

    /// <summary>Kills when the indexer prints a line matching <paramref name="predicate"/> (or when it has exited already).</summary>
    public static KillPoint AtLine(string name, Func<string, bool> predicate, TimeSpan timeout) => new(name, indexer =>
    {
        var line = indexer.WaitForLine(predicate, timeout)?.Trim();
        return line switch
        {
            null => "no such line",
            _ when line.StartsWith('┌') => "on the summary table",
            _ => $"on '{line}'",
        };
    });

    public override string ToString() => Name;
}
