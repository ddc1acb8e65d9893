using System.Diagnostics;
using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Latency;

/// <summary>Runs the query list like the peers do: per mode one warm-up pass, then timed passes, each call timed on its own.</summary>
internal sealed class LatencyRunner(ArticleSearcher searcher, IReadOnlyList<PeerQuery> queries, bool typos = true)
{
    /// <summary>How many of the slowest queries a mode reports.</summary>
    public const int SlowestShown = 5;

    /// <summary>The total hits of each query from the Q2 warm-up pass (null when the query was rejected); filled by <see cref="Measure"/> for Q2.</summary>
    public IReadOnlyList<int?> Totals { get; private set; } = [];

    /// <summary><paramref name="warmups"/> warm-up passes over all queries (the first gives totals and errors), then <paramref name="repeats"/> timed passes.</summary>
    public ModeResult Measure(QueryMode mode, int warmups, int repeats)
    {
        var requests = queries.Select(query => ModeRequests.For(mode, query, typos)).ToList();
        var errors = new List<string>();
        var totals = new int?[queries.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i] is { } request)
            {
                var outcome = Run(request, out _);
                totals[i] = outcome.Result?.Total;
                if (outcome.Error is not null)
                {
                    errors.Add($"{queries[i].Text}: {outcome.Error}");
                }
            }
        }

        if (mode == QueryMode.Q2)
        {
            Totals = totals;
        }

        for (var pass = 1; pass < warmups; pass++)
        {
            foreach (var request in requests.OfType<SearchRequest>())
            {
                Run(request, out _);
            }
        }

        var timings = new List<double>();
        var perQuery = requests.Select(_ => new List<double>()).ToList();
        var partial = 0;
        for (var pass = 0; pass < repeats; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                if (requests[i] is not { } request)
                {
                    continue;
                }

                var outcome = Run(request, out var elapsed);
                if (outcome.Result is not null)
                {
                    timings.Add(elapsed.TotalMilliseconds);
                    perQuery[i].Add(elapsed.TotalMilliseconds);
                    partial += outcome.Result.Partial ? 1 : 0;
                }
            }
        }

        // The queries behind the tail: each query's median over the timed passes, slowest first.
        var slowest = perQuery.Select((times, i) => (Query: queries[i].Text, Times: times))
            .Where(query => query.Times.Count > 0)
            .Select(query => (query.Query, MedianMs: query.Times.Order().ElementAt(query.Times.Count / 2)))
            .OrderByDescending(query => query.MedianMs)
            .Take(SlowestShown)
            .ToList();
        return new ModeResult(mode, LatencySummary.From(timings), requests.Count(request => request is not null), errors, partial) { Slowest = slowest };
    }

    /// <summary>Q3 queries per second with <paramref name="clients"/> threads sharing the searcher, each running the whole list from its own offset.</summary>
    public double Throughput(int clients)
    {
        var requests = queries.Select(query => ModeRequests.For(QueryMode.Q3, query, typos)!).ToList();
        var watch = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, clients)
            .Select(client => new Thread(() =>
            {
                var offset = client * requests.Count / clients;
                for (var i = 0; i < requests.Count; i++)
                {
                    Run(requests[(i + offset) % requests.Count], out _);
                }
            }))
            .ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return clients * requests.Count / watch.Elapsed.TotalSeconds;
    }

    private (SearchResult? Result, string? Error) Run(SearchRequest request, out TimeSpan elapsed)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var result = searcher.Search(request);
            elapsed = Stopwatch.GetElapsedTime(start);
            return (result, null);
        }
        catch (SearchInputException e)
        {
            elapsed = Stopwatch.GetElapsedTime(start);
            return (null, e.Message);
        }
    }
}
