using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Scoring;

// Checks: a query whose terms were looked up once per search (TermLookups) matches and scores every article exactly as
// Lucene scores the query itself, over a multi-segment index, with exclusions, alternatives and words some or all
// segments lack, and with compound parts rarer than their whole word (scored with the whole word's statistics); a
// term's states are looked up once and then reused; enumerators handed back by earlier searches find the same states
// and postings; explanations of a resolved query give Lucene's scores.
public class TermLookupsTests(VariedCorpusFixture fixture, GermanRelevanceFixture compounds) : IClassFixture<VariedCorpusFixture>, IClassFixture<GermanRelevanceFixture>
{
    private static readonly string[] Words = ["Zug", "Hafen", "Wetter", "Zug", "Brücke", "Hafen", "Zeppelin", "Bahnhof"];

    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData("Hafen")]
    [InlineData("Hafen Schiff")]
    [InlineData("Flughafen Krankenhaus Rathaus")]
    [InlineData("Wetter OR Klima -Schule")]
    [InlineData("title:Museum Energie")]
    [InlineData("Hafen Zeppelin")]
    [InlineData("Zeppelin OR Theater")]
    public void AResolvedQueryScoresEveryArticleAsLuceneScoresTheQuery(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1, "the fixture should have several segments");
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create(text).Full;
        var expected = Scored(searcher, query);

        // Twice: the second search reads through the dictionary enumerators the first handed back.
        for (var search = 0; search < 2; search++)
        {
            using var lookups = new TermLookups(searcher.TopReaderContext);
            var resolved = lookups.Resolve(query);

            Assert.NotSame(query, resolved);
            Assert.Equal(expected, Scored(searcher, resolved));
        }
    }

    [Theory]
    [InlineData("Hafen Schiff")]
    [InlineData("Wetter OR Klima -Schule")]
    public void AResolvedQueryExplainsEachHitWithLucenesScore(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create(text).Matching;
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var resolved = lookups.Resolve(query);

        var hits = searcher.Search(query, 20).ScoreDocs;
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var explained = searcher.Explain(resolved, hit.Doc);
            Assert.True(explained.IsMatch);
            Assert.Equal(searcher.Explain(query, hit.Doc).Value, explained.Value, 5);
            Assert.Equal(hit.Score, explained.Value, 5);
        }
    }

    [Theory]
    [InlineData("Impfstoff")]
    [InlineData("Hersteller")]
    [InlineData("Kontakt Beschränkungen")]
    [InlineData("Gespräch Mutter")]
    public void ACompoundPartKeepsTheWholeWordsStatisticsWhenResolved(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(compounds.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = _queries.Create(text).Full;

        var resolved = new TermLookups(searcher.TopReaderContext).Resolve(query);

        Assert.Equal(Scored(searcher, query), Scored(searcher, resolved));
    }

    [Fact]
    public void ATermsStatesAreLookedUpOnceAndReused()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var lookups = new TermLookups(reader.Context);
        var hafen = new Term(ArticleFields.Body, _queries.Analyze("Hafen")[0]);

        var first = lookups.States(hafen);

        Assert.Same(first, lookups.States(new Term(ArticleFields.Body, hafen.Text)));
        Assert.Equal(TermContext.Build(reader.Context, hafen).DocFreq, first.DocFreq);
        Assert.True(first.DocFreq > 0);
        Assert.Equal(0, lookups.States(new Term(ArticleFields.Body, _queries.Analyze("Zeppelin")[0])).DocFreq);
    }

    [Fact]
    public void LookupsThroughEnumeratorsHandedBackBySearchesBeforeFindTheSameStates()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var words = Words.Select(word => new Term(ArticleFields.Body, _queries.Analyze(word)[0]));

        foreach (var term in words)
        {
            using var lookups = new TermLookups(reader.Context);
            var states = lookups.States(term);
            var expected = TermContext.Build(reader.Context, term);
            Assert.Equal(expected.DocFreq, states.DocFreq);
            Assert.Equal(expected.TotalTermFreq, states.TotalTermFreq);
            Assert.All(reader.Leaves, leaf => Assert.Equal(expected.Get(leaf.Ord) is null, states.Get(leaf.Ord) is null));
        }
    }

    private static List<string> Scored(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs
            .Select(hit => $"{searcher.Doc(hit.Doc).Get(ArticleFields.Id, CultureInfo.InvariantCulture)} {hit.Score.ToString("R", CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)];
}
