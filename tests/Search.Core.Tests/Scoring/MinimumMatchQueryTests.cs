using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Scoring;

// Checks, over a multi-segment index: optional words with a minimum, found window by window (MinimumMatchQuery), match
// the articles Lucene's BooleanQuery matches with exactly its scores, for every minimum, from postings and from the
// common words' tables, over all documents and over only the accepted ones; advanced by targets far apart or close
// together it finds, for each, what reading in order finds first at or after it; its explanations give its scores
// and say why an article with too few words does not match; the search's lookups use it for the lenient match of a
// longer query only when no other clause is required.
public class MinimumMatchQueryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly string[] Words = ["Hafen", "Schiff", "Zug", "Klima", "Energie"];

    private readonly QueryFactory _queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 3)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(5, 4)]
    public void FindsTheArticlesLucenesBooleanQueryFindsWithItsScores(int words, int minimum)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 1, "the fixture should have several segments");
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var common = CommonWords.Build(searcher, CommonWords.DefaultBudget);
        Assert.NotEmpty(common.Words);
        var lenient = Lenient(words, minimum);
        var expected = Scores(searcher, lenient);

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < reader.NumDocs, "some articles should have too few of the words");
        foreach (var tables in new[] { null, common })
        {
            using var lookups = new TermLookups(searcher.TopReaderContext, tables);
            var resolved = (BooleanQuery)lookups.Resolve(lenient);
            Assert.Equal(expected, Scores(searcher, new MinimumMatchQuery(resolved)));
        }
    }

    [Fact]
    public void WhereOnlyTheMinimumOfWordsOccursItScoresAsLucenesConjunction()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var lenient = Lenient(3, 3);
        lenient.Add(_queries.Create("Zeppelin").Matching, Occur.SHOULD); // in no article: the three are every word

        var expected = Scores(searcher, lenient);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Scores(searcher, new MinimumMatchQuery(lenient)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void MatchesOnlyAcceptedArticlesAsLuceneDoes(int every)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var lenient = Lenient(4, 2);
        var lucene = searcher.CreateNormalizedWeight(lenient);
        var ours = searcher.CreateNormalizedWeight(new MinimumMatchQuery(lenient));

        foreach (var leaf in reader.Leaves)
        {
            var accepted = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc += every)
            {
                accepted.Set(doc);
            }

            var expected = Read(lucene.GetScorer(leaf, accepted)).Select(hit => (hit.Doc, hit.Score)).ToList();
            Assert.NotEmpty(expected);
            Assert.All(expected, hit => Assert.True(accepted.Get(hit.Doc)));
            Assert.Equal(expected, Read(ours.GetScorer(leaf, accepted)).Select(hit => (hit.Doc, hit.Score)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(37)]
    [InlineData(150)]
    public void AdvancedItFindsTheFirstMatchAtOrAfterEachTarget(int stride)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var weight = searcher.CreateNormalizedWeight(new MinimumMatchQuery(Lenient(5, 2)));

        foreach (var leaf in reader.Leaves)
        {
            var all = Read(weight.GetScorer(leaf, null));
            Assert.NotEmpty(all);
            var scorer = weight.GetScorer(leaf, null)!;

            // Targets close together and far apart, so the window shrinks and grows on the way.
            var target = 0;
            for (var step = 0; target < leaf.AtomicReader.MaxDoc; step++)
            {
                var found = scorer.Advance(target);
                var expected = all.FirstOrDefault(hit => hit.Doc >= target, (Doc: DocIdSetIterator.NO_MORE_DOCS, Score: 0f, Freq: 0));
                Assert.Equal(expected, (found, found == DocIdSetIterator.NO_MORE_DOCS ? 0f : scorer.GetScore(), found == DocIdSetIterator.NO_MORE_DOCS ? 0 : scorer.Freq));
                if (found == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                target = found + (step % 4 == 3 ? 1 : stride);
            }
        }
    }

    [Fact]
    public void ExplanationsGiveTheScoresAndTheMinimumAnArticleMisses()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = new MinimumMatchQuery(Lenient(3, 2));
        var scores = Scores(searcher, query);

        foreach (var (doc, score) in scores.Take(30))
        {
            var explanation = searcher.Explain(query, doc);
            Assert.True(explanation.IsMatch);
            Assert.Equal(score, explanation.Value);
        }

        var missing = Enumerable.Range(0, reader.MaxDoc).First(doc => !scores.ContainsKey(doc));
        var miss = searcher.Explain(query, missing);
        Assert.False(miss.IsMatch);
        Assert.Contains("minimum number of optional clauses: 2", miss.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLookupsFindTheLenientMatchWindowByWindowOnlyWhenNoOtherClauseIsRequired()
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var lenient = Lenient(3, 2);
        var leading = new BooleanQuery(disableCoord: true) { { lenient, Occur.MUST }, { _queries.Create("Wetter").Matching, Occur.SHOULD } };
        var filtered = new BooleanQuery(disableCoord: true) { { new ConstantScoreQuery(_queries.Create("Klima").Matching) { Boost = 0f }, Occur.MUST }, { lenient, Occur.MUST } };
        var longer = _queries.Create("Hafen Schiff Zug Wetter Regierung", fuzzyTerms: null, reader.DocFreq, reader.NumDocs, completions: null).Matching;

        foreach (var (query, windowed) in new[] { (leading, true), (filtered, false), (longer, true) })
        {
            using var lookups = new TermLookups(searcher.TopReaderContext);
            var resolved = lookups.Resolve(query);

            Assert.Equal(windowed, Contains<MinimumMatchQuery>(resolved));
            Assert.Equal(Scores(searcher, query), Scores(searcher, resolved));
        }
    }

    // The first words, any minimum of them in an article: the query's words, as the factory makes each.
    private BooleanQuery Lenient(int words, int minimum)
    {
        var query = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = minimum };
        foreach (var word in Words.Take(words))
        {
            query.Add(_queries.Create(word).Matching, Occur.SHOULD);
        }

        return query;
    }

    private static bool Contains<T>(Query query) => query switch
    {
        T => true,
        BooleanQuery boolean => boolean.Clauses.Any(clause => Contains<T>(clause.Query)),
        ConstantScoreQuery { Query: { } inner } => Contains<T>(inner),
        _ => false,
    };

    private static Dictionary<int, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);

    private static List<(int Doc, float Score, int Freq)> Read(Scorer? scorer)
    {
        var hits = new List<(int Doc, float Score, int Freq)>();
        if (scorer is null)
        {
            return hits;
        }

        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
        {
            hits.Add((doc, scorer.GetScore(), scorer.Freq));
        }

        return hits;
    }
}
