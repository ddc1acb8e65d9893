namespace Search.Core.Completion;

/// <summary>
/// The position of the largest value in any range of a fixed array, in O(log n) (a segment tree of positions, two ints
/// per value). <see cref="Top"/> uses it to list a range's largest values best first without sorting the range: the
/// completions of a one-letter prefix span a twentieth of the vocabulary.
/// </summary>
internal sealed class RangeMaximum
{
    private readonly long[] _values;
    private readonly int[] _tree;
    private readonly int _leaves;

    public RangeMaximum(long[] values)
    {
        _values = values;
        _leaves = 1;
        while (_leaves < Math.Max(1, values.Length))
        {
            _leaves <<= 1;
        }

        _tree = new int[2 * _leaves];
        for (var i = 0; i < _leaves; i++)
        {
            _tree[_leaves + i] = i < values.Length ? i : -1;
        }

        for (var node = _leaves - 1; node > 0; node--)
        {
            _tree[node] = Larger(_tree[2 * node], _tree[(2 * node) + 1]);
        }
    }

    /// <summary>The bytes this holds besides the values.</summary>
    public long Bytes => _tree.LongLength * sizeof(int);

    /// <summary>The position of the largest value in [<paramref name="from"/>, <paramref name="to"/>) (the first of
    /// equal ones), or -1 when the range is empty.</summary>
    public int Max(int from, int to)
    {
        var best = -1;
        for (int lo = from + _leaves, hi = to + _leaves; lo < hi; lo >>= 1, hi >>= 1)
        {
            if ((lo & 1) == 1)
            {
                best = Larger(best, _tree[lo++]);
            }

            if ((hi & 1) == 1)
            {
                best = Larger(best, _tree[--hi]);
            }
        }

        return best;
    }

    /// <summary>The positions in [<paramref name="from"/>, <paramref name="to"/>) by value, largest first (ties in
    /// position order), for as long as the caller reads: each costs O(log n).</summary>
    public IEnumerable<int> Top(int from, int to)
    {
        var ranges = new PriorityQueue<(int From, int To, int At), (long, int)>();
        Push(from, to);
        while (ranges.TryDequeue(out var range, out _))
        {
            yield return range.At;
            Push(range.From, range.At);
            Push(range.At + 1, range.To);
        }

        void Push(int lo, int hi)
        {
            if (lo < hi && Max(lo, hi) is var at and >= 0)
            {
                ranges.Enqueue((lo, hi, at), (-_values[at], at));
            }
        }
    }

    private int Larger(int a, int b) =>
        a < 0 ? b : b < 0 ? a : _values[b] > _values[a] || (_values[b] == _values[a] && b < a) ? b : a;
}
