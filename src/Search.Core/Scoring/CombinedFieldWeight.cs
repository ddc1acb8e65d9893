using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Scoring;

/// <summary>The weight of a <see cref="CombinedFieldQuery"/>: BM25 of the word's weighted frequency and length.</summary>
internal sealed class CombinedFieldWeight : Weight
{
    private readonly CombinedFieldQuery _query;
    private readonly TermContext[] _states;
    private readonly string[] _fields;
    private readonly float[] _fieldWeights;
    private readonly float _k1;
    private readonly float _b;
    private readonly float _idf;
    private readonly double _averageLength;
    private readonly long _docFreq;
    private readonly long _maxDoc;
    private float _weight;

    public CombinedFieldWeight(CombinedFieldQuery query, IndexSearcher searcher)
    {
        _query = query;
        var top = searcher.TopReaderContext;
        _states = [.. query.Matches.Select((match, i) => query.States[i] ?? TermContext.Build(top, match.Term))];
        var similarity = searcher.Similarity as ArticleSimilarity ?? (ArticleSimilarity)ArticleFields.Similarity;
        (_k1, _b) = (similarity.K1, similarity.B);
        _fields = [.. query.FieldWeights.Keys.Order(StringComparer.Ordinal)];
        _fieldWeights = [.. _fields.Select(field => query.FieldWeights[field])];
        if (query.Matches.Any(match => !query.FieldWeights.ContainsKey(match.Term.Field)))
        {
            throw new ArgumentException($"{query}: a match is in a field without a weight.", nameof(query));
        }

        _maxDoc = searcher.IndexReader.MaxDoc;
        // A part is as rare as its whole word at most (CompoundPartQuery), and the word as its commonest place.
        _docFreq = Math.Max(1, _states.Select((state, i) => Math.Max(state.DocFreq, query.Matches[i] is CompoundPartQuery part
            ? query.WholeDocFreqs[i] >= 0 ? query.WholeDocFreqs[i] : searcher.IndexReader.DocFreq(part.Whole)
            : 0)).DefaultIfEmpty(0).Max());
        _idf = ArticleSimilarity.Idf(_docFreq, _maxDoc);
        // A field no article has adds nothing (Lucene's BM25 takes 1 for it, to have something to divide by). The
        // statistics from the search's lookups: Lucene's searcher merges the segments' dictionaries at every call.
        _averageLength = _fields.Select((field, f) => (query.Lookups?.CollectionStatistics(searcher, field) ?? searcher.CollectionStatistics(field)) is { SumTotalTermFreq: > 0 } statistics
            ? _fieldWeights[f] * (statistics.SumTotalTermFreq / (double)statistics.MaxDoc)
            : 0).Sum();
        if (!(_averageLength > 0))
        {
            _averageLength = 1;
        }

        _weight = _idf * query.Boost;
    }

    public override Query Query => _query;

    public override float GetValueForNormalization() => _idf * _query.Boost * _idf * _query.Boost;

    // BM25 leaves the query norm out, as Lucene's does; the boosts of the queries around this one multiply.
    public override void Normalize(float norm, float topLevelBoost) => _weight = _idf * _query.Boost * topLevelBoost;

    public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
    {
        var postings = new List<DocsEnum>(_states.Length);
        var tfWeights = new List<float>(_states.Length);
        for (var i = 0; i < _states.Length; i++)
        {
            if (_states[i].Get(context.Ord) is { } state)
            {
                postings.Add(TermLookups.Postings(context, _query.Matches[i].Term, state, acceptDocs));
                tfWeights.Add(_query.Matches[i].Boost);
            }
        }

        if (postings.Count == 0)
        {
            return null;
        }

        var norms = _fields.Select(field => context.AtomicReader.GetNormValues(field)).ToArray();
        return new CombinedFieldScorer(this, [.. postings], [.. tfWeights], norms, _fieldWeights, (_k1 + 1) * _weight, _k1, _b, _averageLength);
    }

    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var scorer = (CombinedFieldScorer?)GetScorer(context, context.AtomicReader.LiveDocs);
        if (scorer is null || scorer.Advance(doc) != doc)
        {
            return new ComplexExplanation(false, 0f, "no match of " + _query);
        }

        var (frequency, length) = scorer.Current();
        var result = new ComplexExplanation(true, scorer.GetScore(), "combined-field BM25 of " + _query + ", product of:");
        result.AddDetail(new Explanation(_weight / _idf, "boost"));
        result.AddDetail(new Explanation(_idf, "idf(docFreq=" + _docFreq + ", maxDocs=" + _maxDoc + ")"));
        var tfNorm = new Explanation((float)(frequency * (_k1 + 1) / (frequency + (_k1 * (1 - _b + (_b * length / _averageLength))))), "tfNorm, computed from:");
        tfNorm.AddDetail(new Explanation((float)frequency, "weighted termFreq (occurrences times field and part weights)"));
        tfNorm.AddDetail(new Explanation(_k1, "parameter k1"));
        tfNorm.AddDetail(new Explanation(_b, "parameter b"));
        tfNorm.AddDetail(new Explanation((float)_averageLength, "weighted avgFieldLength"));
        tfNorm.AddDetail(new Explanation((float)length, "weighted fieldLength"));
        result.AddDetail(tfNorm);
        return result;
    }
}
