using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Scoring;

/// <summary>
/// A <see cref="TermQuery"/> with its states looked up (<see cref="TermLookups"/>) whose scorers open their postings
/// through the search's pooled dictionary enumerators (<see cref="TermLookups.Postings"/>). Lucene's term scorer opens
/// a new enumerator for every term in every segment. Scores and explanations are those of the
/// <see cref="TermQuery"/>: the same similarity weight over the same postings.
/// </summary>
internal sealed class PooledTermQuery : TermQuery
{
    private readonly TermContext _states;
    private readonly TermLookups _lookups;

    public PooledTermQuery(Term term, TermContext states, TermLookups lookups)
        : base(term, states)
    {
        _states = states;
        _lookups = lookups;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new PooledTermWeight(this, searcher, _states, _lookups);

    private sealed class PooledTermWeight : Weight
    {
        private readonly PooledTermQuery _query;
        private readonly TermContext _states;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public PooledTermWeight(PooledTermQuery query, IndexSearcher searcher, TermContext states, TermLookups lookups)
        {
            _query = query;
            _states = states;
            _similarity = searcher.Similarity;
            _stats = _similarity.ComputeWeight(query.Boost, lookups.CollectionStatistics(searcher, query.Term.Field), searcher.TermStatistics(query.Term, states));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost) => _stats.Normalize(queryNorm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var state = _states.Get(context.Ord);
            return state is null ? null : new PostingsScorer(this, TermLookups.Postings(context, _query.Term, state, acceptDocs), _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is null || scorer.Advance(doc) != doc)
            {
                return new ComplexExplanation(false, 0f, "no matching term");
            }

            var freq = scorer.Freq;
            var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, "termFreq=" + freq));
            var result = new ComplexExplanation(true, score.Value, $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:");
            result.AddDetail(score);
            return result;
        }
    }

    private sealed class PostingsScorer(Weight weight, DocsEnum docs, Similarity.SimScorer similarity) : Scorer(weight)
    {
        public override int DocID => docs.DocID;

        public override int Freq => docs.Freq;

        public override int NextDoc() => docs.NextDoc();

        public override int Advance(int target) => docs.Advance(target);

        public override float GetScore() => similarity.Score(docs.DocID, docs.Freq);

        public override long GetCost() => docs.GetCost();
    }
}
