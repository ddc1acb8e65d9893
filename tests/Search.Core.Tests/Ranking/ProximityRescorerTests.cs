using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Ranking;

// Checks: ranked by relevance, the first ProximityRescorer.Window hits by matching score get the proximity reward (also
// for words repeated in the query, which Lucene scores) and
// are ordered by the sum, scored exactly as the whole query scores them; later hits keep their matching score; pages and
// cursors walk the same order across the window's end. The engine rewards words close together in the headline only
// (RankingWeights.ProximityWeight is 0); these tests reward them in the body too, and require every word, so that the
// reward reaches many hits of the small fixture.
public sealed class ProximityRescorerTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>, IDisposable
{
    private static readonly RankingWeights Weights = RankingWeights.Default with { ProximityWeight = 4f, AllWordsUpTo = int.MaxValue };

    private readonly ArticleSearcher _searcher = ArticleSearcher.Open(fixture.IndexPath, Weights);

    public void Dispose() => _searcher.Dispose();

    [Theory]
    [InlineData("Hafen Schiff")]
    [InlineData("Zug Wetter")]
    [InlineData("Hafen Zug Wetter")]
    [InlineData("Hafen Zug Hafen")]
    public void FirstHitsGetTheProximityRewardAndLaterHitsKeepTheirMatchingScore(string text)
    {
        var query = new QueryFactory(new GermanNewsAnalyzer(), Weights).Create(text);
        Assert.NotNull(query.Proximity);
        using var directory = FSDirectory.Open(fixture.IndexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new ArticleSimilarity(Weights) };
        var byMatching = searcher.Search(query.Matching, null, reader.MaxDoc, new Sort(SortField.FIELD_SCORE, new SortField(ArticleFields.Id, SortFieldType.STRING)), true, false)
            .ScoreDocs.Cast<FieldDoc>().ToList();
        var whole = searcher.Search(query.Full, reader.MaxDoc).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);
        Assert.True(byMatching.Count > ProximityRescorer.Window, "more matches than the window");
        Assert.Contains(byMatching.Take(ProximityRescorer.Window), hit => whole[hit.Doc] > hit.Score); // some are rewarded

        var expected = byMatching
            .Select((hit, rank) => (Id: ((BytesRef)hit.Fields[1]).Utf8ToString(), Score: rank < ProximityRescorer.Window ? whole[hit.Doc] : hit.Score))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Id, StringComparer.Ordinal)
            .Select(hit => FormattableString.Invariant($"{hit.Id} {hit.Score:R}"));

        var found = CursorWalk(new SearchRequest(text, [], 1, 30) { Facets = false, Snippets = false })
            .Select(hit => FormattableString.Invariant($"{hit.Article.Id} {hit.Score:R}"));

        Assert.Equal(expected, found);
    }

    [Fact]
    public void PagesAndCursorsWalkTheSameOrderAcrossTheWindowsEnd()
    {
        var request = new SearchRequest("Hafen Schiff", [], 1, 7) { Facets = false, Snippets = false };
        var total = _searcher.Search(request).Total;
        Assert.True(total > ProximityRescorer.Window + request.Size);

        var byPage = Enumerable.Range(1, (total + request.Size - 1) / request.Size)
            .SelectMany(page => _searcher.Search(request with { Page = page }).Hits)
            .Select(hit => hit.Article.Id)
            .ToList();
        var byCursor = CursorWalk(request).Select(hit => hit.Article.Id).ToList();

        Assert.Equal(byPage, byCursor);
        Assert.Equal(total, byCursor.Distinct().Count());
    }

    private List<SearchHit> CursorWalk(SearchRequest request)
    {
        var hits = new List<SearchHit>();
        string? cursor = null;
        do
        {
            var page = _searcher.Search(request with { Cursor = cursor });
            hits.AddRange(page.Hits);
            cursor = page.Next;
        }
        while (cursor is not null);

        return hits;
    }
}
