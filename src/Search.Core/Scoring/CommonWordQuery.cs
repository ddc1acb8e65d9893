using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Collecting;

namespace Search.Core.Scoring;

/// <summary>
/// A common word in all its fields, matched and scored from its table (<see cref="CommonWords"/>) instead of its five
/// postings lists. Explanations, and scoring in any other snapshot or under a boost, go to the word's own query.
/// </summary>
internal sealed class CommonWordQuery(Query word, CommonWords words, CommonWords.Table table) : Query
{
    /// <summary>The word's own query (resolved, <see cref="TermLookups.Resolve"/>).</summary>
    public Query Word { get; } = word;

    public override Weight CreateWeight(IndexSearcher searcher) => new CommonWordWeight(this, Word.CreateWeight(searcher), words, table);

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Word.Rewrite(reader);
        return ReferenceEquals(rewritten, Word) ? this : rewritten;
    }

    public override void ExtractTerms(ISet<Term> terms) => Word.ExtractTerms(terms);

    public override string ToString(string field) => Word.ToString(field);

    public override bool Equals(object? obj) => obj is CommonWordQuery other && Word.Equals(other.Word) && ReferenceEquals(table, other.Table);

    public override int GetHashCode() => Word.GetHashCode();

    private CommonWords.Table Table => table;

    private sealed class CommonWordWeight(CommonWordQuery query, Weight word, CommonWords words, CommonWords.Table table) : Weight
    {
        // The table holds the scores at the word's own boosts; a boost from above would change them.
        private bool _asBuilt = true;

        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => false;

        public override float GetValueForNormalization() => word.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            word.Normalize(norm, topLevelBoost);
            _asBuilt = topLevelBoost == 1f;
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (!_asBuilt || !words.Covers(context))
            {
                return word.GetScorer(context, acceptDocs);
            }

            return table.Segments[context.Ord] switch
            {
                null => null,
                { Dense: { } dense } segment => new DenseScorer(this, dense, acceptDocs, segment.Cost),
                var segment => new ListScorer(this, segment, acceptDocs),
            };
        }

        public override Explanation Explain(AtomicReaderContext context, int doc) => word.Explain(context, doc);
    }

    // The articles with a score in the table, in order; the accepted ones only.
    private sealed class DenseScorer(Weight weight, float[] scores, IBits? acceptDocs, long cost) : Scorer(weight)
    {
        // A part of a parallel search starts where its range does, not at the first article of the segment.
        private readonly int _first = acceptDocs is DocRange.FromDocs range ? range.From : 0;
        private int _doc = -1;

        public override int DocID => _doc;

        // The fields are not told apart in the table; nothing scores by a word's frequency.
        public override int Freq => 1;

        public override int NextDoc() => _doc == NO_MORE_DOCS ? _doc : Advance(_doc + 1);

        public override int Advance(int target)
        {
            var doc = Math.Max(target, _first);
            if (doc < scores.Length && scores[doc] != 0 && (acceptDocs is null || acceptDocs.Get(doc)))
            {
                // Most articles have a word that is in more than half of them.
                return _doc = doc;
            }

            // Zero is no score: compared as bits, so the search is vectorised.
            var bits = MemoryMarshal.Cast<float, int>(scores.AsSpan());
            for (; doc < bits.Length; doc++)
            {
                var found = bits[doc..].IndexOfAnyExcept(0);
                if (found < 0)
                {
                    break;
                }

                doc += found;
                if (acceptDocs is null || acceptDocs.Get(doc))
                {
                    return _doc = doc;
                }
            }

            return _doc = NO_MORE_DOCS;
        }

        public override float GetScore() => scores[_doc];

        public override long GetCost() => cost;
    }

    // The articles of the list, in order; the accepted ones only.
    private sealed class ListScorer(Weight weight, CommonWords.Segment segment, IBits? acceptDocs) : Scorer(weight)
    {
        private readonly int[] _docs = segment.Docs;

        // A part of a parallel search starts where its range does, not at the first article of the segment.
        private readonly int _first = acceptDocs is DocRange.FromDocs range ? range.From : 0;
        private int _index = -1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override int NextDoc() => _doc == NO_MORE_DOCS ? _doc : _doc < 0 ? Advance(_first) : Next(_index + 1);

        public override int Advance(int target)
        {
            // Galloping: the gap doubles until it passes the target, then a binary search inside the last gap.
            target = Math.Max(target, _first);
            var docs = _docs;
            var low = _index + 1;
            var high = low;
            var step = 1;
            while (high < docs.Length && docs[high] < target)
            {
                low = high + 1;
                high += step;
                step <<= 1;
            }

            // The first of docs[low..high] at or after the target (docs[high] is, or high is past the end).
            high = Math.Min(high, docs.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (docs[middle] < target)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return Next(low);
        }

        public override float GetScore() => segment.Scores[_index];

        public override long GetCost() => segment.Cost;

        private int Next(int index)
        {
            while (index < _docs.Length && acceptDocs is not null && !acceptDocs.Get(_docs[index]))
            {
                index++;
            }

            _index = index;
            return _doc = index < _docs.Length ? _docs[index] : NO_MORE_DOCS;
        }
    }
}
