using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Collecting;
using Search.Core.Documents;
using Search.Core.Paging;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Collecting;

// Checks, on an index of many equal scores spread over seven segments (copies of the same articles, some written twice
// so deleted ones are left behind): the best hits by score, then id, then document (BestFirstCollector) are exactly
// those Lucene's TopFieldCollector collects for the same sort, for any number of hits, cutting through groups of equal
// scores, whether the matches arrive in document order or window by window, and with the same sort values and totals;
// also where articles have no id or the same id, so only the document is left to decide.
public class BestFirstCollectorTests(TiedCorpusFixture fixture) : IClassFixture<TiedCorpusFixture>
{
    private static readonly Sort BestFirst = new(SortField.FIELD_SCORE, new SortField(ArticleFields.Id, IdComparerSource.Instance));

    [Theory]
    [InlineData("Hafen")]
    [InlineData("Schiff")]
    [InlineData("Zug Wetter")]
    [InlineData("Hafen OR Schule")]
    [InlineData("Brücke -Zug")]
    [InlineData("\"Hafen und Schiff\"")]
    public void TheBestHitsAreThoseLucenesCollectorCollects(string text)
    {
        using var reader = DirectoryReader.Open(new MappedDirectory(fixture.IndexPath));
        Assert.True(reader.Leaves.Count > 5);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        using var lookups = new TermLookups(searcher.TopReaderContext);
        var query = searcher.CreateNormalizedWeight(lookups.Resolve(new QueryFactory(new GermanNewsAnalyzer()).Create(text).Matching));

        var all = Collect(query, reader, Lucene(reader.MaxDoc), inOrder: true);
        var ties = all.ScoreDocs.GroupBy(hit => hit.Score).Where(group => group.Count() > 1).ToList();
        Assert.NotEmpty(ties);

        // Cut through groups of equal scores as well as at round numbers.
        var starts = all.ScoreDocs.Select((hit, rank) => (hit.Score, rank)).GroupBy(hit => hit.Score).Select(group => group.First().rank + (group.Count() / 2));
        foreach (var size in starts.Concat([1, 2, 10, 100, all.ScoreDocs.Length + 5]).Where(size => size > 0).Distinct())
        {
            foreach (var inOrder in new[] { true, false })
            {
                var expected = Collect(query, reader, Lucene(size), inOrder);
                var actual = Collect(query, reader, Ours(size), inOrder);

                Assert.Equal(expected.TotalHits, actual.TotalHits);
                Assert.All(actual.ScoreDocs.Cast<FieldDoc>(), hit => Assert.Same(HitIds.Pending, hit.Fields[1]));
                Assert.Equal(Described(reader, expected), Described(reader, actual));
            }
        }
    }

    [Fact]
    public void ArticlesWithoutIdOrWithTheSameIdAreRankedAsLucenesCollectorRanksThem()
    {
        using var directory = MissingIdIndex.Create();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = searcher.CreateNormalizedWeight(new TermQuery(new Term("body", "hafen")));
        for (var size = 1; size <= reader.MaxDoc; size++)
        {
            foreach (var inOrder in new[] { true, false })
            {
                Assert.Equal(Described(reader, Collect(query, reader, Lucene(size), inOrder)), Described(reader, Collect(query, reader, Ours(size), inOrder)));
            }
        }
    }

    private static (ICollector Collector, Func<TopDocs> Hits) Lucene(int size)
    {
        var collector = TopFieldCollector.Create(BestFirst, size, null, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        return (collector, collector.GetTopDocs);
    }

    private static (ICollector Collector, Func<TopDocs> Hits) Ours(int size)
    {
        var collector = new BestFirstCollector(BestFirst, size);
        return (collector, collector.TopDocs);
    }

    private static TopDocs Collect(Weight weight, IndexReader reader, (ICollector Collector, Func<TopDocs> Hits) ranking, bool inOrder)
    {
        foreach (var leaf in reader.Leaves)
        {
            ranking.Collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, inOrder || !weight.ScoresDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(ranking.Collector);
        }

        return ranking.Hits();
    }

    // The hits with their sort values; ours has its ids looked up (HitIds) as the searcher does when it reads them.
    private static List<string> Described(IndexReader reader, TopDocs top) =>
    [
        .. top.ScoreDocs.Cast<FieldDoc>().Select(hit => string.Create(CultureInfo.InvariantCulture,
            $"{hit.Doc} {hit.Score:R} {((J2N.Numerics.Single)hit.Fields[0]).ToSingle():R} {HitIds.Of(reader, hit)?.Utf8ToString()}")),
    ];
}
