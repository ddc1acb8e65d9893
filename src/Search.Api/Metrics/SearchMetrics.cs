using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Api.Writes;
using Search.Cluster.Node;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Metrics;

/// <summary>
/// The service's own instruments, on the <see cref="MeterName"/> meter (exported at <c>/metrics</c> beside ASP.NET
/// Core's <c>http.server.request.duration</c>): search latency by stage, hits per search, the index's articles and
/// size, how long ago the served snapshot was last brought up to date, writes by outcome, and in cluster mode the
/// stream's messages applied and how far the node is behind.
/// </summary>
internal sealed class SearchMetrics
{
    public const string MeterName = "Search.Api";

    private static readonly IReadOnlyList<double> SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    private static readonly IReadOnlyList<int> HitsBuckets = [0, 1, 3, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _hits;
    private readonly Counter<long> _writes;
    private readonly Counter<long> _applied;
    private long _lastRefresh = Stopwatch.GetTimestamp();

    public SearchMetrics(IMeterFactory meterFactory, IServiceProvider services, IOptions<SearchOptions> options)
    {
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram("search.duration", "s",
            "Time of a search: stage=engine is the engine's own (ArticleSearcher.Search), stage=total the whole handler (parameter checks, engine, response).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _hits = meter.CreateHistogram("search.hits", "{article}", "Articles a search found (its total).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = HitsBuckets });
        _writes = meter.CreateCounter<long>("search.writes", "{article}",
            "Articles written through the API, by outcome: added, updated, unchanged, deleted, not_found, failed.");
        // Read when scraped: the searcher is open by then (it opens before the service listens).
        meter.CreateObservableGauge("search.index.articles", () => (long)services.GetRequiredService<ArticleSearcher>().Count, "{article}",
            "Articles in the served index snapshot.");
        meter.CreateObservableGauge("search.index.size", () => FolderBytes(options.Value.IndexPath), "By", "Bytes of the index folder on disk.");
        meter.CreateObservableGauge("search.index.refresh.lag", () => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRefresh)).TotalSeconds, "s",
            "Seconds since the served snapshot was last brought up to date with the index on disk (about 1; grows while reopening fails).");
        _applied = meter.CreateCounter<long>("search.cluster.applied", "{message}",
            "Cluster mode: messages of the stream applied to this node's index, by outcome: added, updated, unchanged, deleted, not_found, skipped.");
        meter.CreateObservableGauge("search.cluster.lag", () => services.GetService<StreamApplier>() is { } node
                ? [new Measurement<long>((long)node.Status.Lag)]
                : Array.Empty<Measurement<long>>(), "{sequence}",
            "Cluster mode: stream sequences this node is behind the stream's last one (0 when caught up).");
    }

    /// <summary>Records one search: its engine time, its handler time and how many articles it found.</summary>
    public void Searched(TimeSpan engine, TimeSpan total, int hits)
    {
        _duration.Record(engine.TotalSeconds, new KeyValuePair<string, object?>("stage", "engine"));
        _duration.Record(total.TotalSeconds, new KeyValuePair<string, object?>("stage", "total"));
        _hits.Record(hits);
    }

    /// <summary>Counts written articles by outcome.</summary>
    public void Written(string outcome, int articles = 1) => _writes.Add(articles, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts the outcomes of one committed batch of upserts.</summary>
    public void Written(IEnumerable<UpsertOutcome> outcomes)
    {
        foreach (var group in outcomes.GroupBy(outcome => outcome))
        {
            Written(group.Key.ToString().ToLowerInvariant(), group.Count());
        }
    }

    /// <summary>Counts the messages of one applied batch of the cluster's stream by outcome.</summary>
    public void Applied(IEnumerable<ApplyOutcome> outcomes)
    {
        foreach (var group in outcomes.GroupBy(outcome => outcome))
        {
            _applied.Add(group.Count(), new KeyValuePair<string, object?>("outcome", group.Key == ApplyOutcome.NotFound ? "not_found" : group.Key.ToString().ToLowerInvariant()));
        }
    }

    /// <summary>The name of a write's outcome, in metrics and in the API's answers: <c>added</c>, <c>not_found</c>, ….</summary>
    public static string Name(WriteOutcome outcome) => outcome == WriteOutcome.NotFound ? "not_found" : outcome.ToString().ToLowerInvariant();

    /// <summary>Notes that the served snapshot is up to date with the index on disk as of now.</summary>
    public void Refreshed() => Interlocked.Exchange(ref _lastRefresh, Stopwatch.GetTimestamp());

    private static long FolderBytes(string path)
    {
        try
        {
            return new DirectoryInfo(path).EnumerateFiles().Sum(file => file.Length);
        }
        catch (IOException)
        {
            // A merge deleted a file between listing and reading its length: the next scrape counts again.
            return -1;
        }
    }
}
