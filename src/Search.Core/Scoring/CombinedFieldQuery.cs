using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Ranking;

namespace Search.Core.Scoring;

/// <summary>
/// One word of the query in every place it may stand (title, body and caption, whole and as a compound part), scored
/// as if the article's fields were one text: BM25F, as Lucene's later CombinedFieldQuery and Xapian's title weighting
/// score it. The word's occurrences are added up, each weighted by its field (a headline occurrence counts as
/// <see cref="RankingWeights.TitleWeight"/> in the body) and by whether it is the whole word or a part (<see cref="RankingWeights.CompoundPartWeight"/>); the
/// article's length is its fields' lengths weighted alike; BM25 then saturates the sum once. A per-field score summed
/// or maximised instead lets one mention in a short headline outweigh an article that keeps returning to the word.
/// </summary>
/// <remarks>The word's rarity (idf) is that of its commonest place: the most articles any of its terms is in.
/// k1 and b are the searcher's (<see cref="ArticleSimilarity"/>).</remarks>
internal sealed class CombinedFieldQuery : Query
{
    private readonly List<TermQuery> _matches = [];
    private readonly List<TermContext?> _states = [];
    private readonly List<int> _wholeDocFreqs = [];
    private TermLookups? _lookups;

    /// <param name="fieldWeights">The weight of each field the word is searched in; the article's combined length
    /// adds up these fields' lengths so weighted.</param>
    public CombinedFieldQuery(IReadOnlyDictionary<string, float> fieldWeights) => FieldWeights = fieldWeights;

    /// <summary>The weight of each field the word is searched in.</summary>
    public IReadOnlyDictionary<string, float> FieldWeights { get; }

    /// <summary>Where the word may match: term queries (or <see cref="CompoundPartQuery"/>) whose boost is what one
    /// occurrence there counts.</summary>
    public IReadOnlyList<TermQuery> Matches => _matches;

    /// <summary>Adds a place the word may match; an occurrence there counts <paramref name="match"/>'s boost.</summary>
    public void Add(TermQuery match)
    {
        _matches.Add(match);
        _states.Add(null);
        _wholeDocFreqs.Add(-1);
    }

    /// <summary>The same query with each match's states and each field's statistics looked up once per search, by
    /// <paramref name="lookups"/>.</summary>
    public CombinedFieldQuery WithStates(TermLookups lookups)
    {
        var resolved = new CombinedFieldQuery(FieldWeights) { Boost = Boost, _lookups = lookups };
        foreach (var match in _matches)
        {
            resolved._matches.Add(match);
            resolved._states.Add(lookups.States(match.Term));
            resolved._wholeDocFreqs.Add(match is CompoundPartQuery part ? lookups.DocFreq(part.Whole) : -1);
        }

        return resolved;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new CombinedWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var match in _matches)
        {
            terms.Add(match.Term);
        }
    }

    public override string ToString(string field) =>
        "combined(" + string.Join(" ", _matches.Select(match => match.ToString(field))) + ")" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is CombinedFieldQuery other && Boost == other.Boost && _matches.SequenceEqual(other._matches)
        && FieldWeights.Count == other.FieldWeights.Count && FieldWeights.All(pair => other.FieldWeights.TryGetValue(pair.Key, out var weight) && weight == pair.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var match in _matches)
        {
            hash.Add(match);
        }

        return hash.ToHashCode();
    }

    private sealed class CombinedWeight : Weight
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

        public CombinedWeight(CombinedFieldQuery query, IndexSearcher searcher)
        {
            _query = query;
            var top = searcher.TopReaderContext;
            _states = [.. query._matches.Select((match, i) => query._states[i] ?? TermContext.Build(top, match.Term))];
            var similarity = searcher.Similarity as ArticleSimilarity ?? (ArticleSimilarity)ArticleFields.Similarity;
            (_k1, _b) = (similarity.K1, similarity.B);
            _fields = [.. query.FieldWeights.Keys.Order(StringComparer.Ordinal)];
            _fieldWeights = [.. _fields.Select(field => query.FieldWeights[field])];
            if (query._matches.Any(match => !query.FieldWeights.ContainsKey(match.Term.Field)))
            {
                throw new ArgumentException($"{query}: a match is in a field without a weight.", nameof(query));
            }

            _maxDoc = searcher.IndexReader.MaxDoc;
            // A part is as rare as its whole word at most (CompoundPartQuery), and the word as its commonest place.
            _docFreq = Math.Max(1, _states.Select((state, i) => Math.Max(state.DocFreq, query._matches[i] is CompoundPartQuery part
                ? query._wholeDocFreqs[i] >= 0 ? query._wholeDocFreqs[i] : searcher.IndexReader.DocFreq(part.Whole)
                : 0)).DefaultIfEmpty(0).Max());
            _idf = ArticleSimilarity.Idf(_docFreq, _maxDoc);
            // A field no article has adds nothing (Lucene's BM25 takes 1 for it, to have something to divide by). The
            // statistics from the search's lookups: Lucene's searcher merges the segments' dictionaries at every call.
            _averageLength = _fields.Select((field, f) => (query._lookups?.CollectionStatistics(searcher, field) ?? searcher.CollectionStatistics(field)) is { SumTotalTermFreq: > 0 } statistics
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
                    postings.Add(TermLookups.Postings(context, _query._matches[i].Term, state, acceptDocs));
                    tfWeights.Add(_query._matches[i].Boost);
                }
            }

            if (postings.Count == 0)
            {
                return null;
            }

            var norms = _fields.Select(field => context.AtomicReader.GetNormValues(field)).ToArray();
            return new CombinedScorer(this, [.. postings], [.. tfWeights], norms, _fieldWeights, (_k1 + 1) * _weight, _k1, _b, _averageLength);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = (CombinedScorer?)GetScorer(context, context.AtomicReader.LiveDocs);
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

    // Document at a time over the matches' postings, in a flat array (as BestMatchQuery's scorer).
    private sealed class CombinedScorer : Scorer
    {
        private readonly DocsEnum[] _postings;
        private readonly float[] _tfWeights;
        private readonly int[] _docs;
        private readonly NumericDocValues?[] _norms;
        private readonly float[] _fieldWeights;
        private readonly double _weight;
        private readonly double _k1;
        private readonly double _b;
        private readonly double _averageLength;
        private int _doc = -1;

        public CombinedScorer(Weight weight, DocsEnum[] postings, float[] tfWeights, NumericDocValues?[] norms, float[] fieldWeights,
            double scoreWeight, double k1, double b, double averageLength)
            : base(weight)
        {
            _postings = postings;
            _tfWeights = tfWeights;
            _norms = norms;
            _fieldWeights = fieldWeights;
            _weight = scoreWeight;
            _k1 = k1;
            _b = b;
            _averageLength = averageLength;
            _docs = new int[postings.Length];
            Array.Fill(_docs, -1);
        }

        public override int DocID => _doc;

        public override int Freq
        {
            get
            {
                var matching = 0;
                for (var i = 0; i < _docs.Length; i++)
                {
                    matching += _docs[i] == _doc ? _postings[i].Freq : 0;
                }

                return matching;
            }
        }

        public override int NextDoc()
        {
            if (_doc == NO_MORE_DOCS)
            {
                return _doc;
            }

            var first = NO_MORE_DOCS;
            for (var i = 0; i < _postings.Length; i++)
            {
                var doc = _docs[i];
                if (doc == _doc)
                {
                    _docs[i] = doc = _postings[i].NextDoc();
                }

                first = Math.Min(first, doc);
            }

            return _doc = first;
        }

        public override int Advance(int target)
        {
            var first = NO_MORE_DOCS;
            for (var i = 0; i < _postings.Length; i++)
            {
                var doc = _docs[i];
                if (doc < target)
                {
                    _docs[i] = doc = _postings[i].Advance(target);
                }

                first = Math.Min(first, doc);
            }

            return _doc = first;
        }

        public override float GetScore()
        {
            var (frequency, length) = Current();
            return (float)(_weight * frequency / (frequency + (_k1 * (1 - _b + (_b * length / _averageLength)))));
        }

        /// <summary>The current article's weighted occurrences and weighted length.</summary>
        public (double Frequency, double Length) Current()
        {
            var frequency = 0d;
            for (var i = 0; i < _docs.Length; i++)
            {
                if (_docs[i] == _doc)
                {
                    frequency += _tfWeights[i] * (double)_postings[i].Freq;
                }
            }

            var length = 0d;
            for (var f = 0; f < _norms.Length; f++)
            {
                if (_norms[f] is { } norms)
                {
                    length += _fieldWeights[f] * (double)ArticleSimilarity.Length(norms.Get(_doc));
                }
            }

            return (frequency, length);
        }

        public override long GetCost()
        {
            var cost = 0L;
            foreach (var postings in _postings)
            {
                cost += postings.GetCost();
            }

            return cost;
        }
    }

}
