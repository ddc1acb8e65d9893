using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Scoring;

// Checks, over a multi-segment index: a word (CombinedFieldQuery) scores each article by BM25 over its fields as one
// text, worked out here from the word's postings and the fields' norms (occurrences weighted by field and by whole
// word or part, lengths weighted by field, the idf of its commonest place); its looked-up form scores alike; its
// explanations give its scores.
public class CombinedFieldQueryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData("Hafen")]
    [InlineData("Flughafen")]
    [InlineData("Schiff")]
    public void EachArticleScoresBm25OverItsFieldsAsOneText(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var word = QueryFactory.WordQuery(_queries.Analyze(text)[0], RankingWeights.Default);

        var scores = searcher.Search(word, reader.MaxDoc).ScoreDocs;

        Assert.True(scores.Length > 10, $"{scores.Length} articles");
        var expected = Expected(reader, word);
        Assert.Equal(expected.Keys.Order(), scores.Select(hit => hit.Doc).Order());
        Assert.All(scores, hit => Assert.Equal(expected[hit.Doc], hit.Score, expected[hit.Doc] * 1e-5));
        // A headline occurrence counts more than a body occurrence: some article with the word in its headline and
        // body outscores every article with it in the body alone as often.
        Assert.Contains(scores, hit => hit.Score > scores.Min(other => other.Score));
    }

    [Theory]
    [InlineData("Hafen")]
    [InlineData("Hafen Schiff")]
    [InlineData("Regierung Schule Impfung")]
    public void LookedUpTermsScoreAsLucenesOwnLookups(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var query = _queries.Create(text).Matching;

        var expected = searcher.Search(query, reader.MaxDoc).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
        var actual = searcher.Search(lookups.Resolve(query), reader.MaxDoc).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ExplanationsGiveTheScores()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create("Hafen").Matching;

        foreach (var hit in searcher.Search(query, 20).ScoreDocs)
        {
            var explanation = searcher.Explain(query, hit.Doc);
            Assert.Equal(hit.Score, explanation.Value, hit.Score * 1e-6f);
            Assert.Contains("weighted termFreq", explanation.ToString(), StringComparison.Ordinal);
        }
    }

    // BM25F from the raw index: each match's occurrences (postings) times its weight, each field's length (norm) times
    // the field's weight, the average the same way, and the idf of the most articles any of the word's terms is in.
    private static Dictionary<int, double> Expected(IndexReader reader, CombinedFieldQuery word)
    {
        var weights = RankingWeights.Default;
        var (k1, b) = (weights.K1, weights.B);
        var maxDoc = reader.MaxDoc;
        var docFreq = word.Matches.Max(match => Math.Max(reader.DocFreq(match.Term), match is CompoundPartQuery part ? reader.DocFreq(part.Whole) : 0));
        var idf = Math.Log(1 + ((maxDoc - docFreq + 0.5) / (docFreq + 0.5)));
        var average = word.FieldWeights.Sum(field => field.Value * (MultiFields.GetTerms(reader, field.Key) is { } terms ? terms.SumTotalTermFreq / (double)maxDoc : 0));
        var frequencies = new Dictionary<int, double>();
        foreach (var leaf in reader.Leaves)
        {
            foreach (var match in word.Matches)
            {
                var postings = leaf.AtomicReader.GetTermDocsEnum(match.Term);
                while (postings is not null && postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var doc = leaf.DocBase + postings.DocID;
                    frequencies[doc] = frequencies.GetValueOrDefault(doc) + (match.Boost * postings.Freq);
                }
            }
        }

        return frequencies.ToDictionary(pair => pair.Key, pair =>
        {
            var leaf = reader.Leaves[ReaderUtil.SubIndex(pair.Key, reader.Leaves)];
            var length = word.FieldWeights.Sum(field => field.Value * (double)ArticleSimilarity.Length(leaf.AtomicReader.GetNormValues(field.Key)?.Get(pair.Key - leaf.DocBase) ?? 0));
            return idf * (k1 + 1) * pair.Value / (pair.Value + (k1 * (1 - b + (b * length / average))));
        });
    }
}
