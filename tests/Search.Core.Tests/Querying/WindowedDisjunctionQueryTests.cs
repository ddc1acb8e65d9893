using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Storage;

namespace Search.Core.Tests.Querying;

// Checks, over a multi-segment index: a word or a quoted phrase in any of its fields scored window by window
// (WindowedDisjunctionQuery) finds the same articles with exactly the scores of Lucene's own out-of-order
// BooleanScorer, over all documents and over only the accepted ones; scored document at a time (alone in document
// order, or words that must all match) exactly as Lucene's disjunction and conjunction scorers; a bulk scorer stopped at several document limits
// and resumed collects exactly what one uninterrupted run collects; only optional term and phrase clauses qualify (a
// word or a quoted phrase in each field).
public class WindowedDisjunctionQueryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData("Hafen")]
    [InlineData("Flughafen")]
    [InlineData("Zeppelin")]
    [InlineData("Wetter")]
    [InlineData("\"Hafen und Schiff\"")]
    [InlineData("\"Zug Wetter\"")]
    public void AWordInAnyFieldScoresAsLucenesBooleanScorer(string word)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var lucene = _queries.Create(word).Matching;
        using var lookups = new TermLookups(searcher.TopReaderContext);

        var windowed = lookups.Resolve(lucene);

        Assert.IsType<WindowedDisjunctionQuery>(((BooleanQuery)windowed).Clauses.Single().Query);
        Assert.Equal(Scored(searcher, lucene), Scored(searcher, windowed));
    }

    [Theory]
    [InlineData("Hafen", 1, false)]
    [InlineData("Hafen", 3, false)]
    [InlineData("Schiff", 7, false)]
    [InlineData("Hafen", 1, true)]
    [InlineData("Schiff", 3, true)]
    [InlineData("\"Zug Wetter\"", 1, true)]
    public void OnlyTheAcceptedDocumentsAreScoredAsLucenesScorersScoreThem(string word, int every, bool inOrder)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var lucene = ((BooleanQuery)_queries.Create(word).Matching).Clauses.Single().Query;
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var windowed = lookups.Resolve(lucene);
        Assert.IsType<WindowedDisjunctionQuery>(windowed);
        var luceneWeight = searcher.CreateNormalizedWeight(lucene);
        var windowedWeight = searcher.CreateNormalizedWeight(windowed);

        foreach (var leaf in reader.Leaves)
        {
            var accepted = new Lucene.Net.Util.FixedBitSet(leaf.AtomicReader.MaxDoc);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc += every)
            {
                accepted.Set(doc);
            }

            var expected = new Recorder();
            luceneWeight.GetBulkScorer(leaf, inOrder, accepted)?.Score(expected, DocIdSetIterator.NO_MORE_DOCS);
            var actual = new Recorder();
            windowedWeight.GetBulkScorer(leaf, inOrder, accepted)?.Score(actual, DocIdSetIterator.NO_MORE_DOCS);

            Assert.NotEmpty(expected.Hits);
            Assert.All(actual.Hits, hit => Assert.True(accepted.Get(hit.Doc)));
            // In document order the scorers must hand the documents over in that order; window by window in any.
            Assert.Equal(inOrder ? expected.Hits : [.. expected.Hits.OrderBy(hit => hit.Doc)], inOrder ? actual.Hits : [.. actual.Hits.OrderBy(hit => hit.Doc)]);
        }
    }

    [Theory]
    [InlineData("Hafen Schiff")]
    [InlineData("Zug Wetter Hafen")]
    [InlineData("Flughafen Zug")]
    [InlineData("Regierung Schule Impfung Klima")]
    [InlineData("\"Hafen und Schiff\" Zug")]
    public void WordsThatMustAllMatchScoreAsLucenesConjunction(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var lucene = _queries.Create(text).Matching;
        using var lookups = new TermLookups(searcher.TopReaderContext);

        var windowed = lookups.Resolve(lucene);

        Assert.All(((BooleanQuery)windowed).Clauses, clause => Assert.IsType<WindowedDisjunctionQuery>(clause.Query));
        var expected = Scored(searcher, lucene);
        Assert.True(expected.Count > 3, $"the words are found together ({expected.Count})");
        Assert.Equal(expected, Scored(searcher, windowed));
    }

    [Fact]
    public void AScorerStoppedAtDocumentLimitsAndResumedCollectsWhatOneRunCollects()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var disjunction = ((BooleanQuery)lookups.Resolve(_queries.Create("Hafen").Matching)).Clauses.Single().Query;
        var weight = searcher.CreateNormalizedWeight(disjunction);

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

    [Fact]
    public void OnlyOptionalTermAndPhraseClausesWithoutCoordinationQualify()
    {
        var a = new TermQuery(new Term(ArticleFields.Body, "a"));
        var b = new TermQuery(new Term(ArticleFields.Title, "b"));

        Assert.True(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: true) { { a, Occur.SHOULD }, { b, Occur.SHOULD } }));
        Assert.False(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: false) { { a, Occur.SHOULD }, { b, Occur.SHOULD } }));
        Assert.False(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: true) { { a, Occur.MUST }, { b, Occur.SHOULD } }));
        Assert.False(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: true) { { a, Occur.SHOULD }, { new PrefixQuery(new Term(ArticleFields.Body, "b")), Occur.SHOULD } }));
        Assert.False(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: true) { { a, Occur.SHOULD } }));
        Assert.True(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: true) { { a, Occur.SHOULD }, { new PhraseQuery { new Term(ArticleFields.Body, "b"), new Term(ArticleFields.Body, "c") }, Occur.SHOULD } }));
        Assert.False(WindowedDisjunctionQuery.Fits(new BooleanQuery(disableCoord: true) { { a, Occur.SHOULD }, { new BooleanQuery(disableCoord: true) { { b, Occur.SHOULD } }, Occur.SHOULD } }));
    }

    private static List<string> Scored(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs
            .Select(hit => $"{searcher.Doc(hit.Doc).Get(ArticleFields.Id, CultureInfo.InvariantCulture)} {hit.Score.ToString("R", CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)];

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
