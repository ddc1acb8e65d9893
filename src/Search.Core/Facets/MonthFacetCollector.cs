using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Facets;

/// <summary>
/// Counts every match per month from doc values and passes only the matches inside the month filter on to
/// the ranking collector, all in one pass. The month counts therefore ignore the month filter, so a reader
/// can switch months, while the hits and the total honour it.
/// </summary>
internal sealed class MonthFacetCollector(ICollector ranking, IReadOnlySet<string> months) : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private SortedDocValues? _segmentMonths;
    private int[] _segmentCounts = [];
    private FixedBitSet? _allowedOrdinals;

    /// <summary>Matches inside the month filter.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => ranking.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => ranking.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FoldSegmentCounts();
        _segmentMonths = context.AtomicReader.GetSortedDocValues(ArticleFields.Month);
        _segmentCounts = new int[_segmentMonths?.ValueCount ?? 0];
        _allowedOrdinals = null;
        if (months.Count > 0 && _segmentMonths is not null)
        {
            _allowedOrdinals = new FixedBitSet(Math.Max(1, _segmentMonths.ValueCount));
            foreach (var month in months)
            {
                var ordinal = _segmentMonths.LookupTerm(new BytesRef(month));
                if (ordinal >= 0)
                {
                    _allowedOrdinals.Set(ordinal);
                }
            }
        }

        ranking.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var ordinal = _segmentMonths?.GetOrd(doc) ?? -1;
        if (ordinal >= 0)
        {
            _segmentCounts[ordinal]++;
        }

        if (months.Count > 0 && (ordinal < 0 || _allowedOrdinals is null || !_allowedOrdinals.Get(ordinal)))
        {
            return;
        }

        TotalHits++;
        ranking.Collect(doc);
    }

    /// <summary>The month counts, newest month first.</summary>
    public IReadOnlyList<FacetCount> Counts()
    {
        FoldSegmentCounts();
        return [.. _counts.OrderByDescending(pair => pair.Key, StringComparer.Ordinal).Select(pair => new FacetCount(pair.Key, pair.Value))];
    }

    private void FoldSegmentCounts()
    {
        if (_segmentMonths is null)
        {
            return;
        }

        var label = new BytesRef();
        for (var ordinal = 0; ordinal < _segmentCounts.Length; ordinal++)
        {
            if (_segmentCounts[ordinal] == 0)
            {
                continue;
            }

            _segmentMonths.LookupOrd(ordinal, label);
            var month = label.Utf8ToString();
            _counts[month] = _counts.GetValueOrDefault(month) + _segmentCounts[ordinal];
        }

        _segmentMonths = null;
        _segmentCounts = [];
    }
}
