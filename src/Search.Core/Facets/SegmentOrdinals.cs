using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Facets;

/// <summary>
/// A segment's month and source ordinals, read once from its doc values into arrays and kept while the segment lives
/// (keyed by its core, so every searcher snapshot that shares the segment shares them). Lucene 4.5's doc values are
/// read from the index file for every match; counting facets over a million matches spent most of its time there.
/// Costs 4 bytes per article per field.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, SegmentOrdinals> Cache = [];

    private SegmentOrdinals(AtomicReader reader)
    {
        var months = reader.GetSortedDocValues(ArticleFields.Month);
        var sources = reader.GetSortedDocValues(ArticleFields.Source);
        Months = Read(months, reader.MaxDoc);
        Sources = Read(sources, reader.MaxDoc);
        MonthLabels = Labels(months);
        MonthYears = [.. MonthLabels.Select(month => month[..4])];
        SourceLabels = Labels(sources);
    }

    /// <summary>The months (<c>YYYY-MM</c>) by ordinal.</summary>
    public string[] MonthLabels { get; }

    /// <summary>The year (<c>YYYY</c>) of each month ordinal.</summary>
    public string[] MonthYears { get; }

    /// <summary>The sources by ordinal.</summary>
    public string[] SourceLabels { get; }

    /// <summary>Each article's month ordinal (-1 for none), or null when the segment has no months.</summary>
    public int[]? Months { get; }

    /// <summary>Each article's source ordinal (-1 for none), or null when the segment has no sources.</summary>
    public int[]? Sources { get; }

    public static SegmentOrdinals For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentOrdinals(reader));

    private static string[] Labels(SortedDocValues? values)
    {
        if (values is null)
        {
            return [];
        }

        var labels = new string[values.ValueCount];
        var label = new BytesRef();
        for (var ordinal = 0; ordinal < labels.Length; ordinal++)
        {
            values.LookupOrd(ordinal, label);
            labels[ordinal] = label.Utf8ToString();
        }

        return labels;
    }

    private static int[]? Read(SortedDocValues? values, int maxDoc)
    {
        if (values is null)
        {
            return null;
        }

        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            ordinals[doc] = values.GetOrd(doc);
        }

        return ordinals;
    }
}
