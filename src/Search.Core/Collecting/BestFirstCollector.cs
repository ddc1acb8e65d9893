using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Paging;
using JCG = J2N.Collections.Generic;

namespace Search.Core.Collecting;

/// <summary>
/// The best hits by score, then id (<see cref="IdComparer"/>), then document: what Lucene's
/// <see cref="TopFieldCollector"/> collects for that sort, with the same hits, order and sort values, but with the
/// scores in a plain array. Lucene's collector goes through a list of comparers for every match: it asks a
/// score-caching wrapper for the score, compares through two virtual calls per comparer and keeps its queue as entry
/// objects; for a search that matches a few thousand articles that was 40 % of the scoring.
/// </summary>
/// <remarks>First pages only (no cursor); a search after a cursor uses Lucene's collector.</remarks>
internal sealed class BestFirstCollector : ICollector
{
    private readonly int _size;
    private readonly float[] _scores;
    private readonly int[] _docs;

    // A binary heap of slots, worst at the top (1-based, as Lucene's PriorityQueue).
    private readonly int[] _heap;
    private readonly IdComparer _ids;
    private readonly SortField[] _fields;
    private int _count;
    private int _docBase;
    private Scorer? _scorer;

    /// <summary>A collector of the best <paramref name="size"/> hits of <paramref name="sort"/>: score, then the id.</summary>
    public BestFirstCollector(Sort sort, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _fields = sort.GetSort();
        _ids = (IdComparer)_fields[1].GetComparer(size, 1);
        _size = size;
        _scores = new float[size];
        _docs = new int[size];
        _heap = new int[size + 1];
    }

    /// <summary>How many matches were collected.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _ids.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var score = _scorer!.GetScore();
        if (_count < _size)
        {
            var slot = _count++;
            Fill(slot, doc, score);
            _heap[_count] = slot;
            Up(_count);
            if (_count == _size)
            {
                _ids.SetBottom(_heap[1]);
            }

            return;
        }

        var bottom = _heap[1];
        var byScore = CompareScores(score, _scores[bottom]);
        if (byScore < 0)
        {
            return;
        }

        if (byScore == 0)
        {
            // Positive when the bottom's id sorts after this article's.
            var byId = _ids.CompareBottom(doc);
            if (byId < 0 || (byId == 0 && doc + _docBase > _docs[bottom]))
            {
                return;
            }
        }

        Fill(bottom, doc, score);
        Down(1);
        _ids.SetBottom(_heap[1]);
    }

    /// <summary>The hits, best first, each with its sort values as <see cref="TopFieldCollector"/> gives them: the score,
    /// and the id as <see cref="HitIds.Pending"/>, looked up when read (<see cref="HitIds.Of"/>).</summary>
    public TopFieldDocs TopDocs()
    {
        var hits = new ScoreDoc[_count];
        for (var i = _count - 1; i >= 0; i--)
        {
            var slot = _heap[1];
            hits[i] = new FieldDoc(_docs[slot], _scores[slot], [J2N.Numerics.Single.GetInstance(_scores[slot]), HitIds.Pending]);
            _heap[1] = _heap[_count];
            _count--;
            Down(1);
        }

        return new TopFieldDocs(TotalHits, hits, _fields, float.NaN);
    }

    // As Lucene's score comparer compares (J2N's comparer: -0 before +0, NaN last), the plain comparison first.
    private static int CompareScores(float x, float y) => x < y ? -1 : x > y ? 1 : JCG.Comparer<float>.Default.Compare(x, y);

    private void Fill(int slot, int doc, float score)
    {
        _scores[slot] = score;
        _docs[slot] = doc + _docBase;
        _ids.Copy(slot, doc);
    }

    // True when slot a sorts after slot b: a lower score, then a later id, then a later document.
    private bool Worse(int a, int b)
    {
        var byScore = CompareScores(_scores[a], _scores[b]);
        if (byScore != 0)
        {
            return byScore < 0;
        }

        var byId = _ids.Compare(a, b);
        return byId != 0 ? byId > 0 : _docs[a] > _docs[b];
    }

    private void Up(int at)
    {
        var slot = _heap[at];
        for (var parent = at >> 1; parent > 0 && Worse(slot, _heap[parent]); parent = at >> 1)
        {
            _heap[at] = _heap[parent];
            at = parent;
        }

        _heap[at] = slot;
    }

    private void Down(int at)
    {
        var slot = _heap[at];
        for (var child = at << 1; child <= _count; child = at << 1)
        {
            if (child < _count && Worse(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Worse(_heap[child], slot))
            {
                break;
            }

            _heap[at] = _heap[child];
            at = child;
        }

        _heap[at] = slot;
    }
}
