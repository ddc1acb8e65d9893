using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Scoring;

// Checks, over a multi-segment index of word salad (the words stand in every order and distance, often repeated):
// a sloppy phrase of distinct words scores every article exactly as Lucene's PhraseQuery scores it, and matches the
// same ones, whatever the slop, field, boost or number of words; a phrase that repeats a word, an exact phrase and
// other queries are left to Lucene.
public class SloppyPhraseTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData(ArticleFields.Body, 4, "Hafen", "Schiff")]
    [InlineData(ArticleFields.Body, 1, "Schiff", "Hafen")]
    [InlineData(ArticleFields.Body, 2, "Hafen", "Zug", "Wetter")]
    [InlineData(ArticleFields.Body, 4, "Hafen", "Zug", "Wetter", "Schiff")]
    [InlineData(ArticleFields.Body, 9, "Regierung", "Schule")]
    public void EveryArticleScoresAsLucenesSloppyPhraseScoresIt(string field, int slop, params string[] words)
    {
        var (expected, actual) = Scores(field, slop, words);

        Assert.True(expected.Count > 5, $"the phrase matches some articles ({expected.Count})");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryTitleScoresAsLucenesSloppyPhraseScoresIt()
    {
        // Titles are "X und Y": two words two apart, each pair in a few titles only.
        string[] words = ["Hafen", "Schiff", "Zug", "Wetter", "Regierung", "Schule", "Impfung", "Brücke"];
        var (expected, actual) = (new List<string>(), new List<string>());
        foreach (var first in words)
        {
            foreach (var second in words.Where(word => word != first))
            {
                var (lucene, ours) = Scores(ArticleFields.Title, 2, first, second);
                expected.AddRange(lucene);
                actual.AddRange(ours);
            }
        }

        Assert.True(expected.Count > 5, $"the phrases match some titles ({expected.Count})");
        Assert.Equal(expected, actual);
    }

    // Each matching article and its score: by Lucene's weight and scorer, and by SloppyPhrase.
    private (List<string> Lucene, List<string> Ours) Scores(string field, int slop, params string[] words)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var phrase = new PhraseQuery { Slop = slop, Boost = 4f };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, Assert.Single(_queries.Analyze(word))));
        }

        using var lookups = new TermLookups(searcher.TopReaderContext);
        var ours = Assert.Single(SloppyPhrase.Of(phrase, searcher, lookups)!);
        var lucene = searcher.CreateNormalizedWeight(phrase);

        var expected = new List<string>();
        var actual = new List<string>();
        foreach (var leaf in reader.Leaves)
        {
            var scorer = lucene.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            for (var doc = scorer?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; scorer is not null && doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                expected.Add(FormattableString.Invariant($"{leaf.DocBase + doc} {scorer.GetScore():R}"));
            }

            var leafScorer = ours.Scorer(leaf);
            for (var doc = 0; leafScorer is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (leafScorer.Score(doc) is { } score)
                {
                    actual.Add(FormattableString.Invariant($"{leaf.DocBase + doc} {score:R}"));
                }
            }
        }

        return (expected, actual);
    }

    [Fact]
    public void PhrasesThatRepeatAWordOrHaveNoSlopAreLeftToLucene()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var repeated = new PhraseQuery { Slop = 4 };
        repeated.Add(new Term(ArticleFields.Body, "hafen"));
        repeated.Add(new Term(ArticleFields.Body, "zug"));
        repeated.Add(new Term(ArticleFields.Body, "hafen"));
        var exact = new PhraseQuery();
        exact.Add(new Term(ArticleFields.Body, "hafen"));
        exact.Add(new Term(ArticleFields.Body, "zug"));
        var sloppy = new PhraseQuery { Slop = 4 };
        sloppy.Add(new Term(ArticleFields.Body, "hafen"));
        sloppy.Add(new Term(ArticleFields.Body, "zug"));

        Assert.Null(SloppyPhrase.Of(repeated, searcher, lookups));
        Assert.Null(SloppyPhrase.Of(exact, searcher, lookups));
        Assert.Null(SloppyPhrase.Of(new BooleanQuery(disableCoord: true) { { sloppy, Occur.SHOULD }, { repeated, Occur.SHOULD } }, searcher, lookups));
        Assert.Null(SloppyPhrase.Of(new BooleanQuery(disableCoord: false) { { sloppy, Occur.SHOULD } }, searcher, lookups));
        Assert.Null(SloppyPhrase.Of(new BooleanQuery(disableCoord: true) { { sloppy, Occur.MUST } }, searcher, lookups));
        Assert.Equal(2, SloppyPhrase.Of(new BooleanQuery(disableCoord: true) { { sloppy, Occur.SHOULD }, { sloppy, Occur.SHOULD } }, searcher, lookups)!.Count);
    }

    [Fact]
    public void TheQueryFactorysProximityIsScoredHere()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var query = _queries.Create("Hafen Schiff Zug");

        // The words close together in the headline (the body's proximity weighs nothing, RankingWeights.ProximityWeight).
        Assert.Single(SloppyPhrase.Of(query.Proximity!, searcher, lookups)!);
    }
}
