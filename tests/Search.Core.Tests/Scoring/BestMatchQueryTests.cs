using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Scoring;

// Checks, over a multi-segment index: a quoted phrase, a prefix or a fuzzy word in its fields (BestMatchQuery; a plain
// word is a CombinedFieldQuery) scores each article by its best match plus a tenth of the others, worked out here from each match searched alone; it finds the
// same articles as Lucene's DisjunctionMaxQuery with the same scores up to float rounding, alone and in a conjunction,
// with its term lookups resolved or not; document at a time and window by window it scores every article exactly
// alike, over all documents and over only the accepted ones; a window scorer stopped at document limits and resumed
// collects what one run collects; its explanations give its scores.
public class BestMatchQueryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData("Haf*")]
    [InlineData("Flughaf*")]
    [InlineData("Kranken*")]
    public void EachArticleScoresItsBestMatchAndATenthOfTheOthers(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var word = Assert.IsType<BestMatchQuery>(_queries.Create(text).Matching.Rewrite(reader));
        var alone = word.Matches.Select(match => Scores(searcher, match)).ToList();

        var scores = Scores(searcher, word);

        Assert.True(scores.Count > 10, $"{scores.Count} articles");
        Assert.Contains(scores.Keys, doc => alone.Count(match => match.ContainsKey(doc)) > 1); // some match in several places
        foreach (var (doc, score) in scores)
        {
            var matches = alone.Where(match => match.ContainsKey(doc)).Select(match => (double)match[doc]).ToList();
            Assert.Equal((float)(matches.Max() + ((matches.Sum() - matches.Max()) * RankingWeights.Default.OtherMatchWeight)), score);
        }
    }

    [Theory]
    [InlineData("Haf*")]
    [InlineData("\"Zug Wetter\"")]
    [InlineData("Haf* Schiff")]
    [InlineData("Zug Wetter Haf*")]
    [InlineData("Regierung Schule Impf* Klima")]
    [InlineData("\"Hafen und Schiff\" Zug")]
    public void FindsWhatLucenesDisjunctionMaxFindsWithItsScores(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create(text).Matching;
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var expected = Scores(searcher, Lucenes(query));

        Assert.NotEmpty(expected);
        foreach (var ours in new[] { query, lookups.Resolve(query) })
        {
            var actual = Scores(searcher, ours);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            Assert.All(expected, hit => Assert.Equal(hit.Value, actual[hit.Key], hit.Value * 1e-6f));
        }
    }

    [Theory]
    [InlineData("Haf*", 1)]
    [InlineData("Haf*", 3)]
    [InlineData("Schif*", 7)]
    [InlineData("\"Zug Wetter\"", 1)]
    public void DocumentAtATimeAndWindowByWindowScoreEveryAcceptedArticleAlike(string text, int every)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var word = Assert.IsType<BestMatchQuery>(lookups.Resolve(_queries.Create(text).Matching.Rewrite(reader)));
        var weight = searcher.CreateNormalizedWeight(word);
        Assert.True(weight.ScoresDocsOutOfOrder);

        foreach (var leaf in reader.Leaves)
        {
            var accepted = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc += every)
            {
                accepted.Set(doc);
            }

            var inOrder = new Recorder();
            weight.GetBulkScorer(leaf, scoreDocsInOrder: true, accepted)?.Score(inOrder, DocIdSetIterator.NO_MORE_DOCS);
            var windowed = new Recorder();
            weight.GetBulkScorer(leaf, scoreDocsInOrder: false, accepted)?.Score(windowed, DocIdSetIterator.NO_MORE_DOCS);

            Assert.NotEmpty(inOrder.Hits);
            Assert.All(windowed.Hits, hit => Assert.True(accepted.Get(hit.Doc)));
            Assert.Equal(inOrder.Hits, windowed.Hits.OrderBy(hit => hit.Doc));
        }
    }

    [Fact]
    public void AWindowScorerStoppedAtDocumentLimitsAndResumedCollectsWhatOneRunCollects()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var weight = searcher.CreateNormalizedWeight(lookups.Resolve(_queries.Create("Haf*").Matching.Rewrite(reader)));

        foreach (var leaf in reader.Leaves)
        {
            var whole = new Recorder();
            Assert.False(weight.GetBulkScorer(leaf, scoreDocsInOrder: false, null)!.Score(whole, DocIdSetIterator.NO_MORE_DOCS));

            var resumed = new Recorder();
            var scorer = weight.GetBulkScorer(leaf, scoreDocsInOrder: false, null)!;
            foreach (var limit in new[] { 1, 17, 2048, 2049, 5000, leaf.AtomicReader.MaxDoc })
            {
                scorer.Score(resumed, limit);
                Assert.All(resumed.Hits, hit => Assert.True(hit.Doc < limit));
            }

            Assert.NotEmpty(whole.Hits);
            Assert.Equal(whole.Hits.OrderBy(hit => hit.Doc), resumed.Hits.OrderBy(hit => hit.Doc));
        }
    }

    [Theory]
    [InlineData("Haf*")]
    [InlineData("\"Hafen und Schiff\"")]
    public void ExplanationsGiveTheScores(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create(text).Matching;

        foreach (var hit in searcher.Search(query, 20).ScoreDocs)
        {
            var explanation = searcher.Explain(query, hit.Doc);
            Assert.Equal(hit.Score, explanation.Value, hit.Score * 1e-6f); // as Lucene checks its own (a phrase explains its frequency in floats)
            Assert.Contains("max plus 0.1 times others of:", explanation.ToString(), StringComparison.Ordinal);
        }
    }

    // The same query with Lucene's DisjunctionMaxQuery in place of each BestMatchQuery.
    private static Query Lucenes(Query query)
    {
        switch (query)
        {
            case BestMatchQuery word:
                var disjunction = new DisjunctionMaxQuery(word.OtherMatches) { Boost = word.Boost };
                foreach (var match in word.Matches)
                {
                    disjunction.Add(Lucenes(match));
                }

                return disjunction;
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(Lucenes(clause.Query), clause.Occur);
                }

                return copy;
            case ConstantScoreQuery { Query: { } inner } constant:
                return new ConstantScoreQuery(Lucenes(inner)) { Boost = constant.Boost };
            default:
                return query;
        }
    }

    private static Dictionary<int, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);

    private sealed class Recorder : ICollector
    {
        private Scorer? _scorer;

        public List<(int Doc, float Score)> Hits { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void Collect(int doc) => Hits.Add((doc, _scorer!.GetScore()));

        public void SetNextReader(AtomicReaderContext context)
        {
        }
    }
}
