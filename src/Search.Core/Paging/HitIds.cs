using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Collecting;
using Search.Core.Documents;

namespace Search.Core.Paging;

/// <summary>
/// The id sort value of hits ranked by <see cref="BestFirstCollector"/>, looked up only when something reads it. The
/// collector leaves <see cref="Pending"/> where <see cref="TopFieldCollector"/> puts the id: of the 100 hits of a first
/// page ranked for the proximity reward, only ties after the reward and the cursor's last hit need theirs, and looking
/// up all 100 in the prefix-compressed doc values was an eighth of a month-filtered search.
/// </summary>
internal static class HitIds
{
    /// <summary>Stands in a hit's sort values for an id not looked up yet.</summary>
    public static readonly object Pending = new();

    /// <summary>The hit's id (null for an article without one), looked up and kept in the hit if it was pending.</summary>
    /// <param name="reader">The reader the hit was collected from.</param>
    /// <param name="hit">A hit sorted by a score or date, then the id.</param>
    public static BytesRef? Of(IndexReader reader, FieldDoc hit)
    {
        if (!ReferenceEquals(hit.Fields[1], Pending))
        {
            return (BytesRef?)hit.Fields[1];
        }

        // As IdComparer reads ids: the segment's sorted doc values, through this thread's own instance.
        var leaf = reader.Leaves[ReaderUtil.SubIndex(hit.Doc, reader.Leaves)];
        var ids = FieldCache.DEFAULT.GetTermsIndex(leaf.AtomicReader, ArticleFields.Id);
        var ord = ids.GetOrd(hit.Doc - leaf.DocBase);
        BytesRef? id = null;
        if (ord >= 0)
        {
            var scratch = new BytesRef();
            ids.LookupOrd(ord, scratch);
            id = BytesRef.DeepCopyOf(scratch);
        }

        hit.Fields[1] = id;
        return id;
    }

    /// <summary>Looks up every pending id of <paramref name="hits"/> (before Lucene's merge of parallel parts reads them).</summary>
    public static void Resolve(IndexReader reader, IEnumerable<ScoreDoc> hits)
    {
        foreach (var hit in hits)
        {
            Of(reader, (FieldDoc)hit);
        }
    }
}
