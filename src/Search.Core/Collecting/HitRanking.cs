using Lucene.Net.Search;

namespace Search.Core.Collecting;

/// <summary>A collector of ranked hits and how to get them once collected.</summary>
internal readonly record struct HitRanking(ICollector Collector, Func<TopDocs> Hits)
{
    public static HitRanking Of(BestFirstCollector collector) => new(collector, collector.TopDocs);

    public static HitRanking Of(TopFieldCollector collector) => new(collector, collector.GetTopDocs);
}
