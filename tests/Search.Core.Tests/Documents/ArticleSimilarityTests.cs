using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Documents;

// Checks: our BM25 (ArticleSimilarity) is Lucene's BM25Similarity with the same k1 and b: the same norm for any field
// length, overlap and boost; over a multi-segment index the same hits, scores (as R strings) and explanations for
// boosted words in every field, quoted phrases, sloppy phrases and fuzzy words.
public class ArticleSimilarityTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly int[] Overlaps = [0, 1, 5];
    [Fact]
    public void NormsAreLucenesForAnyLengthOverlapAndBoost()
    {
        var ours = new ArticleSimilarity();
        var lucene = new BM25Similarity();
        foreach (var length in new[] { 0, 1, 2, 3, 7, 10, 99, 100, 1_000, 33_333, 1_000_000 })
        {
            foreach (var overlap in Overlaps.Where(overlap => overlap <= length))
            {
                foreach (var boost in new[] { 0.5f, 1f, 2f, 3.7f })
                {
                    var state = new FieldInvertState("body", 0, length, overlap, 0, boost);
                    Assert.Equal(lucene.ComputeNorm(state), ours.ComputeNorm(state));
                }
            }
        }
    }

    [Theory]
    [InlineData("Hafen")]
    [InlineData("Hafen Schiff")]
    [InlineData("Zug Wetter Hafen")]
    [InlineData("\"Hafen und Schiff\"")]
    [InlineData("\"Zug Wetter\"~4")]
    [InlineData("Hafn~")]
    public void ScoresAndExplanationsAreLucenesForTheSameParameters(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var query = LuceneQuery(text);
        var weights = RankingWeights.Default;
        var lucene = new IndexSearcher(reader) { Similarity = new BM25Similarity(weights.K1, weights.B) };
        var ours = new IndexSearcher(reader) { Similarity = new ArticleSimilarity(weights) };

        var expected = lucene.Search(query, reader.MaxDoc).ScoreDocs;
        var actual = ours.Search(query, reader.MaxDoc).ScoreDocs;

        Assert.NotEmpty(expected);
        Assert.Equal(Described(expected), Described(actual));
        foreach (var hit in expected.Take(5))
        {
            Assert.Equal(lucene.Explain(query, hit.Doc).ToString(), ours.Explain(query, hit.Doc).ToString().Replace("[ArticleSimilarity]", "[BM25Similarity]", StringComparison.Ordinal));
        }
    }

    // The text as Lucene's own queries, scored per field by the searcher's similarity: words in each field with its
    // weight (every word required), a quoted phrase, a sloppy phrase ("…"~4) in title and body, a fuzzy word.
    private static Query LuceneQuery(string text)
    {
        var analyze = new QueryFactory(new GermanNewsAnalyzer()).Analyze;
        var fields = RankingWeights.Default.FieldWeights;
        if (text.EndsWith('~'))
        {
            return new FuzzyQuery(new Term(ArticleFields.Body, text.TrimEnd('~').ToLowerInvariant()));
        }

        if (text.StartsWith('"'))
        {
            var slop = text.EndsWith("~4", StringComparison.Ordinal) ? 4 : 0;
            var any = new BooleanQuery();
            foreach (var field in slop > 0 ? new[] { ArticleFields.Title, ArticleFields.Body } : [ArticleFields.Body])
            {
                var phrase = new PhraseQuery { Slop = slop, Boost = 2 };
                foreach (var word in text.Trim('"', '~', '4').Split(' ').Select(word => analyze(word)).Where(terms => terms.Count > 0))
                {
                    phrase.Add(new Term(field, word[0]));
                }

                any.Add(phrase, Occur.SHOULD);
            }

            return any;
        }

        var all = new BooleanQuery();
        foreach (var word in text.Split(' ').Select(word => analyze(word)[0]))
        {
            var inFields = new BooleanQuery();
            foreach (var (field, weight) in fields)
            {
                inFields.Add(new TermQuery(new Term(field, word)) { Boost = weight }, Occur.SHOULD);
            }

            all.Add(inFields, Occur.MUST);
        }

        return all;
    }

    private static List<string> Described(ScoreDoc[] hits) =>
        [.. hits.Select(hit => string.Create(CultureInfo.InvariantCulture, $"{hit.Doc} {hit.Score:R}"))];
}
