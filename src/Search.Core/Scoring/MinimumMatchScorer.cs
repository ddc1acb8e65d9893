using Lucene.Net.Search;

namespace Search.Core.Scoring;

/// <summary>
/// Finds the documents that at least a minimum of the clauses match, window by window: each clause's postings (or
/// table) are read through the window, its scores added to the documents' slots and its matches counted, then the
/// window's slots with enough matches are the hits, in order. Lucene's <c>MinShouldMatchSumScorer</c> finds them
/// document by document through a heap of the clauses; for the lenient match of three common words (thousands of
/// candidates) that was most of a search.
/// </summary>
/// <remarks>
/// When the caller skips most of a window's hits (a sparser clause of a conjunction advances it), the window shrinks
/// to a quarter, down to one document (then it is a document-at-a-time disjunction of a few clauses); when the caller
/// takes them, it doubles back to <see cref="MaxWindow"/>. The scores are summed as doubles and rounded once, as
/// Lucene's scorer sums them, so they are the same whatever order the clauses are added in.
/// </remarks>
internal sealed class MinimumMatchScorer : Scorer
{
    /// <summary>The most clauses a window counts (a byte per document).</summary>
    public const int MaxClauses = byte.MaxValue;

    /// <summary>The largest window, as Lucene's BooleanScorer's.</summary>
    public const int MaxWindow = 2048;

    private readonly Scorer[] _clauses;
    private readonly byte _minimum;
    private readonly long _cost;
    private readonly double[] _sums = new double[MaxWindow];
    private readonly byte[] _counts = new byte[MaxWindow];
    private int _window = 1;
    private int _start;
    private int _end;
    private int _doc = -1;

    // Of the window read last: how many documents enough clauses match, and how many of them the caller took.
    private int _matches;
    private int _taken;

    /// <param name="weight">The weight that made it.</param>
    /// <param name="clauses">The clauses' scorers, unpositioned, at least two.</param>
    /// <param name="minimum">How many of them a document must match, at least one.</param>
    public MinimumMatchScorer(Weight weight, Scorer[] clauses, int minimum)
        : base(weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clauses.Length, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clauses.Length, MaxClauses);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        _clauses = clauses;
        _minimum = (byte)minimum;
        _cost = clauses.Sum(clause => clause.GetCost());
    }

    public override int DocID => _doc;

    /// <summary>How many clauses match the current document.</summary>
    public override int Freq => _counts[_doc - _start];

    public override float GetScore() => (float)_sums[_doc - _start];

    public override long GetCost() => _cost;

    public override int NextDoc() => _doc == NO_MORE_DOCS ? _doc : Next(_doc + 1);

    public override int Advance(int target) => _doc == NO_MORE_DOCS ? _doc : Next(Math.Max(target, _doc + 1));

    // The first document at or after target that enough clauses match.
    private int Next(int target)
    {
        while (true)
        {
            if (target < _end)
            {
                var found = _counts.AsSpan(target - _start, _end - target).IndexOfAnyInRange(_minimum, byte.MaxValue);
                if (found >= 0)
                {
                    _taken++;
                    return _doc = target + found;
                }

                target = _end;
            }

            if (!Fill(target))
            {
                return _doc = NO_MORE_DOCS;
            }

            target = _start;
        }
    }

    // Reads the clauses through the window that starts at the first document at or after target that any clause
    // matches; false when none is left.
    private bool Fill(int target)
    {
        if (_end > 0)
        {
            _window = _taken * 4 < _matches ? Math.Max(1, _window / 4) : Math.Min(MaxWindow, _window * 2);
        }

        var first = NO_MORE_DOCS;
        foreach (var clause in _clauses)
        {
            var doc = clause.DocID;
            if (doc < target)
            {
                doc = clause.Advance(target);
            }

            first = Math.Min(first, doc);
        }

        if (first == NO_MORE_DOCS)
        {
            return false;
        }

        _start = first;
        _end = (int)Math.Min((long)first + _window, NO_MORE_DOCS);
        var size = _end - _start;
        Array.Clear(_sums, 0, size);
        Array.Clear(_counts, 0, size);
        var matches = 0;
        foreach (var clause in _clauses)
        {
            for (var doc = clause.DocID; doc < _end; doc = clause.NextDoc())
            {
                var slot = doc - _start;
                _sums[slot] += clause.GetScore();
                if (++_counts[slot] == _minimum)
                {
                    matches++;
                }
            }
        }

        (_matches, _taken) = (matches, 0);
        return true;
    }
}
