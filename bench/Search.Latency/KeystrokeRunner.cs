using System.Diagnostics;
using Search.Core.Querying;

namespace Search.Latency;

/// <summary>
/// Completions as a search box asks for them while the peers' queries are typed: for every query, each text from its
/// first letter to the whole query that ends in a letter or digit ("G", "Ge", …, "Genf G", …, "Genf Gespräche"), eight
/// completions each, every call timed on its own (one untimed pass first).
/// </summary>
internal sealed class KeystrokeRunner(ArticleSearcher searcher, IReadOnlyList<PeerQuery> queries)
{
    /// <summary>How many of the slowest texts a run reports.</summary>
    public const int SlowestShown = 5;

    /// <summary>The texts typed on the way to each query.</summary>
    public IReadOnlyList<string> Texts { get; } =
    [
        .. queries.SelectMany(query => Enumerable.Range(1, query.Text.Length)
            .Select(length => query.Text[..length])
            .Where(text => char.IsLetterOrDigit(text[^1]) && text.Length <= 100)),
    ];

    /// <summary>Times every text <paramref name="repeats"/> times after <paramref name="warmups"/> untimed passes.</summary>
    public (LatencySummary Latency, IReadOnlyList<(string Text, double MedianMs)> Slowest) Measure(int warmups, int repeats, IReadOnlyList<string>? months = null)
    {
        var requests = Texts.Select(text => new SearchRequest(text, months ?? [], Size: 8)).ToList();
        for (var pass = 0; pass < warmups; pass++)
        {
            requests.ForEach(request => searcher.Suggest(request));
        }

        var timings = new List<double>(requests.Count * repeats);
        var perText = new double[requests.Count][];
        for (var i = 0; i < requests.Count; i++)
        {
            perText[i] = new double[repeats];
        }

        for (var pass = 0; pass < repeats; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                searcher.Suggest(requests[i]);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                timings.Add(ms);
                perText[i][pass] = ms;
            }
        }

        var slowest = perText
            .Select((times, i) => (Text: Texts[i], MedianMs: times.Order().ElementAt(times.Length / 2)))
            .OrderByDescending(text => text.MedianMs)
            .Take(SlowestShown)
            .ToList();
        return (LatencySummary.From(timings), slowest);
    }
}
