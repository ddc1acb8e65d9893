using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Facets;

/// <summary>
/// Counts month, year and source facets from doc values and passes the matches inside every filter on to the
/// ranking collector, all in one pass over the matches. Each facet's counts honour every filter except its
/// own (multi-select: a reader can pick a second month), and the date range applies to all of them.
/// </summary>
internal sealed class FacetCollector(ICollector ranking, FacetFilters filters, bool countFacets = true) : ICollector
{
    // Doc values are only read when a filter or the counting needs them.
    private readonly bool _readDates = filters.HasDateRange;
    private readonly bool _readMonths = countFacets || filters.Months.Count > 0 || filters.Years.Count > 0;
    private readonly bool _readSources = countFacets || filters.Sources.Count > 0;
    private readonly bool _anyMonth = filters.Months.Count == 0;
    private readonly bool _anyYear = filters.Years.Count == 0;
    private readonly bool _anySource = filters.Sources.Count == 0;

    private readonly Dictionary<string, int> _months = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _years = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private Segment? _segment;

    // The current segment's arrays, in fields: Collect runs once per match (a million for a common word), and going
    // through the segment's properties and the filters' sets for each cost a seventh of a search at 1M articles.
    private int[]? _monthOrdinals;
    private int[]? _sourceOrdinals;
    private bool[] _monthAllowed = [];
    private bool[] _yearAllowed = [];
    private bool[] _sourceAllowed = [];
    private int[] _monthCounts = [];
    private int[] _yearCounts = [];
    private int[] _sourceCounts = [];

    /// <summary>Matches inside every filter.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => ranking.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => ranking.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FoldSegment();
        var segment = new Segment(context.AtomicReader, filters);
        _segment = segment;
        _monthOrdinals = _readMonths ? segment.Ordinals.Months : null;
        _sourceOrdinals = _readSources ? segment.Ordinals.Sources : null;
        (_monthAllowed, _yearAllowed, _sourceAllowed) = (segment.MonthAllowed, segment.YearAllowed, segment.SourceAllowed);
        (_monthCounts, _yearCounts, _sourceCounts) = (segment.MonthCounts, segment.YearCounts, segment.SourceCounts);
        ranking.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_readDates)
        {
            if (!filters.InDateRange(_segment!.Dates?.Get(doc) ?? 0))
            {
                return;
            }
        }

        var month = _monthOrdinals is { } months ? months[doc] : -1;
        var source = _sourceOrdinals is { } sources ? sources[doc] : -1;
        var inMonth = _anyMonth || (month >= 0 && _monthAllowed[month]);
        var inYear = _anyYear || (month >= 0 && _yearAllowed[month]);
        var inSource = _anySource || (source >= 0 && _sourceAllowed[source]);

        if (countFacets && month >= 0)
        {
            if (inYear && inSource)
            {
                _monthCounts[month]++;
            }

            if (inMonth && inSource)
            {
                _yearCounts[month]++;
            }
        }

        if (countFacets && source >= 0 && inMonth && inYear)
        {
            _sourceCounts[source]++;
        }

        if (inMonth && inYear && inSource)
        {
            TotalHits++;
            ranking.Collect(doc);
        }
    }

    /// <summary>Adds what <paramref name="other"/> counted over other documents (another part of a search run in
    /// parallel, with the same filters) to this collector's counts and total.</summary>
    public void Add(FacetCollector other)
    {
        other.FoldSegment();
        TotalHits += other.TotalHits;
        AddCounts(_months, other._months);
        AddCounts(_years, other._years);
        AddCounts(_sources, other._sources);

        static void AddCounts(Dictionary<string, int> counts, Dictionary<string, int> more)
        {
            foreach (var (label, count) in more)
            {
                counts[label] = counts.GetValueOrDefault(label) + count;
            }
        }
    }

    /// <summary>The facet counts, months and years newest first, sources by count.</summary>
    public FacetCounts Counts()
    {
        FoldSegment();
        return new FacetCounts(
            [.. _months.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Key, StringComparer.Ordinal).Select(pair => new FacetCount(pair.Key, pair.Value))],
            [.. _years.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Key, StringComparer.Ordinal).Select(pair => new FacetCount(pair.Key, pair.Value))],
            [.. _sources.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new FacetCount(pair.Key, pair.Value))]);
    }

    // The current segment's counts into the totals.
    private void FoldSegment()
    {
        _segment?.FoldInto(_months, _years, _sources);
        _segment = null;
    }

    /// <summary>One segment's doc values, the filters resolved to its ordinals, and its counts per ordinal.</summary>
    private sealed class Segment
    {
        public Segment(AtomicReader reader, FacetFilters filters)
        {
            Dates = reader.GetNumericDocValues(ArticleFields.DateSort);
            Ordinals = SegmentOrdinals.For(reader);
            MonthLabels = Ordinals.MonthLabels;
            SourceLabels = Ordinals.SourceLabels;
            MonthAllowed = [.. MonthLabels.Select(filters.Months.Contains)];
            YearAllowed = [.. Ordinals.MonthYears.Select(filters.Years.Contains)];
            SourceAllowed = [.. SourceLabels.Select(filters.Sources.Contains)];
            MonthCounts = new int[MonthLabels.Length];
            YearCounts = new int[MonthLabels.Length];
            SourceCounts = new int[SourceLabels.Length];
        }

        public NumericDocValues? Dates { get; }

        public SegmentOrdinals Ordinals { get; }

        public string[] MonthLabels { get; }

        public string[] SourceLabels { get; }

        public bool[] MonthAllowed { get; }

        public bool[] YearAllowed { get; }

        public bool[] SourceAllowed { get; }

        public int[] MonthCounts { get; }

        // Per month ordinal, counted under the year facet's conditions; summed into years when folding.
        public int[] YearCounts { get; }

        public int[] SourceCounts { get; }

        public void FoldInto(Dictionary<string, int> months, Dictionary<string, int> years, Dictionary<string, int> sources)
        {
            for (var ordinal = 0; ordinal < MonthLabels.Length; ordinal++)
            {
                Add(months, MonthLabels[ordinal], MonthCounts[ordinal]);
                Add(years, Ordinals.MonthYears[ordinal], YearCounts[ordinal]);
            }

            for (var ordinal = 0; ordinal < SourceLabels.Length; ordinal++)
            {
                Add(sources, SourceLabels[ordinal], SourceCounts[ordinal]);
            }
        }

        private static void Add(Dictionary<string, int> counts, string label, int count)
        {
            if (count > 0)
            {
                counts[label] = counts.GetValueOrDefault(label) + count;
            }
        }

    }
}
