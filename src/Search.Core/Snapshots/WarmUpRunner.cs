using System.Diagnostics;
using System.Runtime;
using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Core.Snapshots;

/// <summary>
/// Runs searches made from the index itself (<see cref="WarmUpSearches"/>) until the budget is spent or the JIT has
/// settled: the JIT compiles a method fully only after it has been called a number of times, in the background, so
/// the searches a service answers first then run on optimised code and find the index's hot parts in the OS file cache.
/// </summary>
internal static class WarmUpRunner
{
    // The warm-up stops early once fewer than this many methods were compiled in a window: while the JIT still tiers
    // up (thousands of methods, in bursts of hundreds a second) it compiles far more.
    private const int SettledMethodsPerWindow = 20;
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="search"/> over the searches <paramref name="searches"/> makes, in turn, for at
    /// most <paramref name="budget"/>.</summary>
    /// <param name="budget">The longest to keep searching; the search running when it ends is finished.</param>
    /// <param name="searches">Makes the searches (from the current snapshot) once the warm-up starts.</param>
    /// <param name="search">Runs one search as the service does.</param>
    /// <param name="cancellationToken">Stops the warm-up after the search running.</param>
    public static WarmUpResult Run(TimeSpan budget, Func<IReadOnlyList<SearchRequest>> searches, Func<SearchRequest, SearchResult> search, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        if (budget == TimeSpan.Zero)
        {
            return new WarmUpResult(0, TimeSpan.Zero);
        }

        var requests = searches();
        var count = 0;
        var (windowStart, compiledBefore) = (start, JitInfo.GetCompiledMethodCount());
        while (requests.Count > 0 && Stopwatch.GetElapsedTime(start) < budget && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                search(requests[count % requests.Count]);
            }
            catch (SearchInputException)
            {
                // A title word that is query syntax or exceeds the limits: the next search.
            }

            count++;
            if (Stopwatch.GetElapsedTime(windowStart) >= WarmUpWindow)
            {
                // Settled: the searches hardly need newly compiled code any more (tier 0 nor optimised tier 1).
                var compiled = JitInfo.GetCompiledMethodCount();
                if (compiled - compiledBefore < SettledMethodsPerWindow)
                {
                    return new WarmUpResult(count, Stopwatch.GetElapsedTime(start)) { Settled = true };
                }

                (windowStart, compiledBefore) = (Stopwatch.GetTimestamp(), compiled);
            }
        }

        return new WarmUpResult(count, Stopwatch.GetElapsedTime(start));
    }
}
