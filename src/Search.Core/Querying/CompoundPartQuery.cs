using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Querying;

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
        var partStates = TermContext.Build(top, Term);
        var wholeStates = TermContext.Build(top, Whole);
        var docFreq = Math.Max(partStates.DocFreq, wholeStates.DocFreq);
        var totalTermFreq = Math.Max(partStates.TotalTermFreq, wholeStates.TotalTermFreq);

        var blended = new TermContext(top);
        var registered = false;
        for (var ord = 0; ord < top.Leaves.Count; ord++)
        {
            var state = partStates.Get(ord);
            if (state is not null)
            {
                // Register adds up the statistics: the blended totals go in once, with the first segment.
                blended.Register(state, ord, registered ? 0 : docFreq, registered ? 0 : totalTermFreq);
                registered = true;
            }
        }

        return registered
            ? new TermQuery(Term, blended) { Boost = Boost }.CreateWeight(searcher)
            : base.CreateWeight(searcher);
    }

    public override bool Equals(object? obj) => obj is CompoundPartQuery other && base.Equals(other) && Whole.Equals(other.Whole);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Whole);
}
