using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Documents;

// Checks: our BM25 (ArticleSimilarity) is Lucene's BM25Similarity: the same norm for any field length, overlap and
// boost; over a multi-segment index the same hits, scores (as R strings) and explanations for words in any field,
// quoted phrases, sloppy phrases, fuzzy words and boosted clauses.
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
    [InlineData("Hafn~ Schiff")]
    [InlineData("title:Zug OR Klima")]
    public void ScoresAndExplanationsAreLucenes(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var query = new QueryFactory(new GermanNewsAnalyzer()).Create(text);
        var lucene = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var ours = new IndexSearcher(reader) { Similarity = new ArticleSimilarity() };

        foreach (var searched in new[] { query.Full, query.Proximity }.OfType<Query>())
        {
            var expected = lucene.Search(searched, reader.MaxDoc).ScoreDocs;
            var actual = ours.Search(searched, reader.MaxDoc).ScoreDocs;

            Assert.NotEmpty(expected);
            Assert.Equal(Described(expected), Described(actual));
            foreach (var hit in expected.Take(5))
            {
                Assert.Equal(lucene.Explain(searched, hit.Doc).ToString(), ours.Explain(searched, hit.Doc).ToString().Replace("[ArticleSimilarity]", "[BM25Similarity]", StringComparison.Ordinal));
            }
        }
    }

    private static List<string> Described(ScoreDoc[] hits) =>
        [.. hits.Select(hit => string.Create(CultureInfo.InvariantCulture, $"{hit.Doc} {hit.Score:R}"))];
}
