using System.Diagnostics;

namespace Search.CorpusGenerator;

/// <summary>Counts written articles across shard threads and prints a line at every tenth of the run.</summary>
internal sealed class ProgressReporter(int total, Stopwatch stopwatch)
{
    private readonly int _step = Math.Max(1, total / 10);
    private int _written;

    public void Add(int articles)
    {
        var before = Interlocked.Add(ref _written, articles) - articles;
        var after = before + articles;
        if (after / _step > before / _step && after < total)
        {
            Console.WriteLine($"  {after:N0} articles written… ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        }
    }
}
