using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Scoring;

/// <summary>
/// Matches a word where it is part of a compound (<see cref="Analysis.CompoundPartMarkFilter.PartTerm"/>), scored with
/// the document frequency of the whole word when that is higher (as Lucene's later BlendedTermQuery does). Otherwise a
/// part would be rarer than the word and so weigh more: an article saying "Impfstoffhersteller" would outrank one saying
/// "Impfstoff" for the query Impfstoff.
/// </summary>
internal sealed class CompoundPartQuery(Term part, Term whole) : TermQuery(part)
{
    public Term Whole { get; } = whole;

    public override Weight CreateWeight(IndexSearcher searcher)
    {
        var top = searcher.TopReaderContext;
        return new TermQuery(Term, Blend(top, TermContext.Build(top, Term), TermContext.Build(top, Whole))) { Boost = Boost }.CreateWeight(searcher);
    }

    /// <summary>The part's states in each segment, with the whole word's statistics when they are higher.</summary>
    /// <param name="top">The reader both were looked up in.</param>
    /// <param name="part">The part term's states.</param>
    /// <param name="whole">The whole word's states (only its statistics are used).</param>
    public static TermContext Blend(IndexReaderContext top, TermContext part, TermContext whole)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(whole);
        var docFreq = Math.Max(part.DocFreq, whole.DocFreq);
        var totalTermFreq = Math.Max(part.TotalTermFreq, whole.TotalTermFreq);
        var blended = new TermContext(top);
        var registered = false;
        for (var ord = 0; ord < top.Leaves.Count; ord++)
        {
            var state = part.Get(ord);
            if (state is not null)
            {
                // Register adds up the statistics: the blended totals go in once, with the first segment.
                blended.Register(state, ord, registered ? 0 : docFreq, registered ? 0 : totalTermFreq);
                registered = true;
            }
        }

        // A part no segment has matches nothing, as Lucene's own lookup would leave it.
        return registered ? blended : part;
    }

    public override bool Equals(object? obj) => obj is CompoundPartQuery other && base.Equals(other) && Whole.Equals(other.Whole);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Whole);
}
