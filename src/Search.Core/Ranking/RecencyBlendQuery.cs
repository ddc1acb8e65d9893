using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Ranking;

/// <summary>The query's score blended with the article's age (<see cref="SearchSort.Fresh"/>).</summary>
internal sealed class RecencyBlendQuery(Query query, int newestDay) : CustomScoreQuery(query)
{
    /// <summary>After this many days an article's freshness share of the score has halved.</summary>
    public const double HalfLifeDays = 30;

    private static readonly ConditionalWeakTable<IndexReader, StrongBox<int>> NewestDays = new();

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of the newest article under <paramref name="reader"/>.</summary>
    public static int NewestDay(IndexReader reader) => NewestDays.GetValue(reader, r =>
    {
        long newest = 0;
        foreach (var leaf in r.Leaves)
        {
            var dates = leaf.AtomicReader.GetNumericDocValues(ArticleFields.DateSort);
            for (var doc = 0; dates is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                newest = Math.Max(newest, dates.Get(doc));
            }
        }

        return new StrongBox<int>(DayOf(newest));
    }).Value;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) =>
        new Provider(context, context.AtomicReader.GetNumericDocValues(ArticleFields.DateSort), newestDay);

    // yyyyMMdd (days 00 for month-only dates count as the 1st).
    private static int DayOf(long sortKey)
    {
        if (sortKey <= 0)
        {
            return 0;
        }

        var year = (int)(sortKey / 10_000);
        var month = Math.Clamp((int)(sortKey / 100 % 100), 1, 12);
        var day = Math.Clamp((int)(sortKey % 100), 1, DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month));
        return new DateOnly(Math.Clamp(year, 1, 9999), month, day).DayNumber;
    }

    private sealed class Provider(AtomicReaderContext context, NumericDocValues? dates, int newestDay) : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float valSrcScore)
        {
            var age = dates is null ? 0 : Math.Max(0, newestDay - DayOf(dates.Get(doc)));
            return (float)(subQueryScore * (1 + Math.Pow(2, -age / HalfLifeDays)) / 2);
        }
    }
}
