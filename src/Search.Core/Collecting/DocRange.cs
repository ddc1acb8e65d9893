using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Collecting;

/// <summary>The documents <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) of one segment, numbered within it.</summary>
internal readonly record struct DocRange(AtomicReaderContext Leaf, int From, int To)
{
    /// <summary>The documents a search of the range accepts: the segment's live ones from <see cref="From"/> on. (Where
    /// the range ends, its scorer is told to stop.) Postings before <see cref="From"/> are still read, not scored.</summary>
    public IBits? AcceptDocs => From == 0 ? Leaf.AtomicReader.LiveDocs : new FromDocs(From, Leaf.AtomicReader.LiveDocs, Leaf.AtomicReader.MaxDoc);

    /// <summary>
    /// Cuts the documents of <paramref name="leaves"/>, in order, into <paramref name="parts"/> runs of about the same
    /// number of documents, each a list of ranges. A segment larger than a part is cut into ranges of several runs: an
    /// index whose merges made one segment hold most of the articles is still searched in even parts.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<DocRange>> Split(IList<AtomicReaderContext> leaves, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        var total = leaves.Sum(leaf => (long)leaf.AtomicReader.MaxDoc);
        var runs = new List<IReadOnlyList<DocRange>>(parts);
        var run = new List<DocRange>();
        var done = 0L;
        foreach (var leaf in leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var from = 0;
            while (from < maxDoc)
            {
                // The run ends where the (runs.Count + 1)th share of all documents ends.
                var end = total * (runs.Count + 1) / parts;
                var to = (int)Math.Min(maxDoc, from + Math.Max(1, end - done));
                run.Add(new DocRange(leaf, from, to));
                done += to - from;
                from = to;
                if (done >= end && runs.Count < parts - 1)
                {
                    runs.Add(run);
                    run = [];
                }
            }
        }

        if (run.Count > 0 || runs.Count == 0)
        {
            runs.Add(run);
        }

        return runs;
    }

    /// <summary>The live documents from <see cref="From"/> on.</summary>
    internal sealed class FromDocs(int from, IBits? live, int maxDoc) : IBits
    {
        /// <summary>The first document accepted, if live.</summary>
        public int From => from;

        public int Length => maxDoc;

        public bool Get(int index) => index >= from && (live is null || live.Get(index));
    }
}
