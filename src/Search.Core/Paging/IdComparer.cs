using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Paging;

/// <summary>
/// Orders hits by id exactly as Lucene's <see cref="SortFieldType.STRING"/> sort does (the UTF-8 bytes, as
/// <see cref="BytesRef.CompareTo(BytesRef)"/> compares them; an article without id first) and gives the same sort
/// value (the id as a <see cref="BytesRef"/>, for the cursor, the proximity rescorer and the merge of parallel parts),
/// but reads an id only when a comparison needs it.
/// </summary>
/// <remarks>
/// The id only decides between equal scores or dates, which are rare. Lucene's comparer looks up the id of every hit
/// that enters the queue (100 places, for the proximity window): in the prefix-compressed doc values that is a seek,
/// a run of decoded terms and an allocation each; and it places the bottom of the queue among the ids of each segment
/// (a binary search) whenever the bottom came from another one. Profiled (perf) on the real corpus, it took about
/// 15 % of the CPU of a simple top-10 search. Here a hit keeps its segment's ordinal; ids are looked up, and the
/// bottom or the cursor placed among a segment's ids, only when a tie between scores or dates gets as far as the id.
/// </remarks>
internal sealed class IdComparer : FieldComparer<BytesRef>
{
    // The ordinal of a document without id, in every segment: before every id (as Lucene's missing-first default).
    private const int Missing = -1;

    private readonly string _field;

    // Per slot: the id's ordinal in its segment, the segment (an index into _segments), and the id once looked up.
    private readonly int[] _ords;
    private readonly int[] _segmentOf;
    private readonly BytesRef?[] _values;
    private readonly bool[] _resolved;

    // The ids of every segment seen so far, in the order seen; the last is the current one.
    private readonly List<SortedDocValues> _segments = [];
    private readonly BytesRef _scratch = new();
    private SortedDocValues _current = DocValues.EMPTY_SORTED;
    private int _segment = -1;

    // The bottom slot and, once a comparison needed it, its place among the current segment's ordinals.
    private int _bottomSlot = -1;
    private bool _bottomPlaced;
    private int _bottomOrd;
    private bool _bottomExact;

    // The cursor's id and, once a comparison needed it, its place among the current segment's ordinals.
    private BytesRef? _top;
    private bool _topPlaced;
    private int _topOrd;
    private bool _topExact;

    public IdComparer(string field, int numHits)
    {
        _field = field;
        _ords = new int[numHits];
        _segmentOf = new int[numHits];
        _values = new BytesRef?[numHits];
        _resolved = new bool[numHits];
    }

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        // As Lucene's STRING sort reads the ids: the sorted doc values, else the terms uninverted, else none.
        _current = FieldCache.DEFAULT.GetTermsIndex(context.AtomicReader, _field);
        _segments.Add(_current);
        _segment = _segments.Count - 1;
        _bottomPlaced = false;
        _topPlaced = false;
        return this;
    }

    public override void Copy(int slot, int doc)
    {
        _ords[slot] = _current.GetOrd(doc);
        _segmentOf[slot] = _segment;
        _resolved[slot] = false;
        if (slot == _bottomSlot)
        {
            _bottomPlaced = false;
        }
    }

    public override int Compare(int slot1, int slot2) => _segmentOf[slot1] == _segmentOf[slot2]
        ? _ords[slot1].CompareTo(_ords[slot2])
        : CompareValues(Value(slot1), Value(slot2));

    public override void SetBottom(int slot)
    {
        _bottomSlot = slot;
        _bottomPlaced = false;
    }

    public override int CompareBottom(int doc)
    {
        var ord = _current.GetOrd(doc);
        if (!_bottomPlaced)
        {
            PlaceBottom();
        }

        // Placed between two ordinals, the bottom is after every id up to the lower one and before every later one.
        return _bottomExact ? _bottomOrd.CompareTo(ord) : _bottomOrd >= ord ? 1 : -1;
    }

    public override void SetTopValue(BytesRef? value)
    {
        // Null is an article without id.
        _top = value;
        _topPlaced = false;
    }

    public override int CompareTop(int doc)
    {
        var ord = _current.GetOrd(doc);
        if (!_topPlaced)
        {
            (_topOrd, _topExact) = Place(_top);
            _topPlaced = true;
        }

        // Placed between two ordinals, the cursor is after every id up to the lower one and before every later one.
        return _topExact ? _topOrd.CompareTo(ord) : ord <= _topOrd ? 1 : -1;
    }

    // Null for an article without id, as Lucene's comparer gives (its declaration says otherwise).
    public override BytesRef this[int slot] => Value(slot)!;

    public override int CompareValues(BytesRef? first, BytesRef? second) => CompareIds(first, second);

    /// <summary>Orders ids as the sort does: the UTF-8 bytes, an article without id (null) first.</summary>
    public static int CompareIds(BytesRef? first, BytesRef? second) =>
        first is null ? (second is null ? 0 : -1)
        : second is null ? 1
        : first.CompareTo(second);

    private void PlaceBottom()
    {
        var slot = _bottomSlot;
        if (_segmentOf[slot] == _segment || _ords[slot] == Missing)
        {
            (_bottomOrd, _bottomExact) = (_ords[slot], true);
        }
        else
        {
            (_bottomOrd, _bottomExact) = Place(Value(slot));
        }

        _bottomPlaced = true;
    }

    // The ordinal of the id in the current segment (exact), or, when the segment does not have it, the ordinal of the
    // last id before it (-1 when there is none): the id sorts after that one and before the next.
    private (int Ord, bool Exact) Place(BytesRef? id)
    {
        if (id is null)
        {
            return (Missing, true);
        }

        var ord = _current.LookupTerm(id);
        return ord >= 0 ? (ord, true) : (-ord - 2, false);
    }

    // The slot's id, looked up the first time it is needed and kept in a copy of the slot's own; null without id.
    private BytesRef? Value(int slot)
    {
        if (_ords[slot] == Missing)
        {
            return null;
        }

        if (!_resolved[slot])
        {
            _segments[_segmentOf[slot]].LookupOrd(_ords[slot], _scratch);
            (_values[slot] ??= new BytesRef()).CopyBytes(_scratch);
            _resolved[slot] = true;
        }

        return _values[slot];
    }
}
