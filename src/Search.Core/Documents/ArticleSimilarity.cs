using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>
/// BM25 exactly as Lucene's <see cref="BM25Similarity"/> (k1 and b from <see cref="Ranking.RankingWeights"/>): the same norms at indexing, the same idf,
/// scores and explanations. Lucene's builds, for every term of every search, a table of the length normalisation of
/// each of the 256 norm values (1 KB, 256 divisions) and the text of the idf's explanation; a two-word search built
/// twelve of each. Here the table is built once per average field length and shared, and the explanation is written
/// only when asked for.
/// </summary>
public sealed class ArticleSimilarity : Similarity
{
    private static readonly BM25Similarity Lucene = new();

    // Lucene's decoding of a norm byte into a field length (BM25Similarity.NORM_TABLE).
    private static readonly float[] Lengths = [.. Enumerable.Range(0, 256).Select(i =>
    {
        var f = SmallSingle.SByte315ToSingle((sbyte)i);
        return 1.0f / (f * f);
    })];

    // The length normalisation of each norm value, per average field length (a few per field and index snapshot).
    private readonly ConcurrentDictionary<float, float[]> _tables = new();

    private const int MaxTables = 256;

    /// <summary>BM25 with the engine's k1 and b (<see cref="Ranking.RankingWeights.Default"/>).</summary>
    public ArticleSimilarity()
        : this(Ranking.RankingWeights.Default)
    {
    }

    /// <summary>BM25 with the parameters of <paramref name="weights"/>; the norms written at indexing do not depend on them.</summary>
    public ArticleSimilarity(Ranking.RankingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        (K1, B) = (weights.K1, weights.B);
    }

    /// <summary>BM25's k1: how slowly repeated occurrences stop counting.</summary>
    public float K1 { get; }

    /// <summary>BM25's b: how much a long field is discounted for its length.</summary>
    public float B { get; }

    /// <summary>The field length a norm value stands for, as BM25 reads it back (lossy: the norm is one byte); 0 for
    /// an article without the field.</summary>
    public static float Length(long norm) => (byte)norm == 0 ? 0 : Lengths[(byte)norm];

    public override long ComputeNorm(FieldInvertState state) => Lucene.ComputeNorm(state);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var maxDocs = collectionStats.MaxDoc;
        float idf;
        if (termStats.Length == 1)
        {
            idf = Idf(termStats[0].DocFreq, maxDocs);
        }
        else
        {
            // In order, in floats, as Lucene sums a phrase's idfs.
            idf = 0.0f;
            foreach (var stat in termStats)
            {
                idf += Idf(stat.DocFreq, maxDocs);
            }
        }

        var averageLength = AverageLength(collectionStats);
        return new Stats(this, collectionStats.Field, idf, termStats, maxDocs, queryBoost, averageLength, Table(averageLength));
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Stats)weight;
        return new DocScorer(stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    public override string ToString() => Lucene.ToString();

    /// <summary>BM25's inverse document frequency, as Lucene's.</summary>
    public static float Idf(long docFreq, long numDocs) => (float)Math.Log(1 + ((numDocs - docFreq + 0.5D) / (docFreq + 0.5D)));

    private static float AverageLength(CollectionStatistics collectionStats)
    {
        var sumTotalTermFreq = collectionStats.SumTotalTermFreq;
        return sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)collectionStats.MaxDoc);
    }

    private float[] Table(float averageLength)
    {
        if (_tables.TryGetValue(averageLength, out var table))
        {
            return table;
        }

        if (_tables.Count >= MaxTables)
        {
            _tables.Clear();
        }

        table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = K1 * ((1 - B) + (B * Lengths[i] / averageLength));
        }

        return _tables.GetOrAdd(averageLength, table);
    }

    private sealed class Stats(ArticleSimilarity similarity, string fieldName, float idf, TermStatistics[] terms, long maxDocs, float queryBoost, float averageLength, float[] table) : SimWeight
    {
        public string Field => fieldName;

        public ArticleSimilarity Similarity => similarity;

        public float QueryBoost => queryBoost;

        public float AverageLength => averageLength;

        public float[] Table => table;

        public float TopLevelBoost { get; private set; }

        public float Weight { get; private set; }

        public override float GetValueForNormalization()
        {
            var queryWeight = idf * queryBoost;
            return queryWeight * queryWeight;
        }

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            TopLevelBoost = topLevelBoost;
            Weight = idf * queryBoost * topLevelBoost;
        }

        // As Lucene's BM25Similarity.IdfExplain words it.
        public Explanation IdfExplanation()
        {
            if (terms.Length == 1)
            {
                return new Explanation(idf, "idf(docFreq=" + terms[0].DocFreq + ", maxDocs=" + maxDocs + ")");
            }

            var sum = new Explanation { Description = "idf(), sum of:" };
            foreach (var term in terms)
            {
                sum.AddDetail(new Explanation(ArticleSimilarity.Idf(term.DocFreq, maxDocs), "idf(docFreq=" + term.DocFreq + ", maxDocs=" + maxDocs + ")"));
            }

            sum.Value = idf;
            return sum;
        }
    }

    private sealed class DocScorer(Stats stats, NumericDocValues? norms) : SimScorer
    {
        private readonly float _weight = stats.Weight * (stats.Similarity.K1 + 1);
        private readonly float _k1 = stats.Similarity.K1;
        private readonly float[] _table = stats.Table;

        public override float Score(int doc, float freq)
        {
            // Without norms, as if b were 0.
            var norm = norms is null ? _k1 : _table[(sbyte)norms.Get(doc) & 0xFF];
            return _weight * freq / (freq + norm);
        }

        public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;

        // As Lucene's BM25Similarity.ExplainScore, word for word.
        public override Explanation Explain(int doc, Explanation freq)
        {
            var result = new Explanation { Description = "score(doc=" + doc + ",freq=" + freq + "), product of:" };
            var boost = new Explanation(stats.QueryBoost * stats.TopLevelBoost, "boost");
            if (boost.Value != 1.0f)
            {
                result.AddDetail(boost);
            }

            var idf = stats.IdfExplanation();
            result.AddDetail(idf);
            var (k1, b) = (stats.Similarity.K1, stats.Similarity.B);
            var tfNorm = new Explanation { Description = "tfNorm, computed from:" };
            tfNorm.AddDetail(freq);
            tfNorm.AddDetail(new Explanation(k1, "parameter k1"));
            if (norms is null)
            {
                tfNorm.AddDetail(new Explanation(0, "parameter b (norms omitted for field)"));
                tfNorm.Value = freq.Value * (k1 + 1) / (freq.Value + k1);
            }
            else
            {
                var length = Lengths[(byte)norms.Get(doc)];
                tfNorm.AddDetail(new Explanation(b, "parameter b"));
                tfNorm.AddDetail(new Explanation(stats.AverageLength, "avgFieldLength"));
                tfNorm.AddDetail(new Explanation(length, "fieldLength"));
                tfNorm.Value = freq.Value * (k1 + 1) / (freq.Value + (k1 * (1 - b + (b * length / stats.AverageLength))));
            }

            result.AddDetail(tfNorm);
            result.Value = boost.Value * idf.Value * tfNorm.Value;
            return result;
        }
    }
}
