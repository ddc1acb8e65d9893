using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Paging;
using Search.Core.Querying;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Paging;

// Checks: the id tie-break (IdComparer) orders hits exactly as Lucene's STRING sort on the id does, on an index with
// many equal scores and dates spread over several segments: for any number of hits, by score or by date, after a
// cursor, with articles without id and segments without ids; its sort value is the id as a BytesRef; searches in one
// pass or in parallel parts rank ties as the STRING sort does, and cursors page through tied articles once each, in
// the order of one big page.
public class IdComparerTests(TiedCorpusFixture fixture) : IClassFixture<TiedCorpusFixture>
{
    private static readonly SortField StringId = new(ArticleFields.Id, SortFieldType.STRING);
    private static readonly SortField LazyId = new(ArticleFields.Id, IdComparerSource.Instance);

    public static TheoryData<string> Queries => new() { "Hafen", "Schiff", "Zug Wetter", "Hafen OR Schule", "Brücke -Zug", "" };

    public static TheoryData<string, SearchSort> Searches => new()
    {
        { "Hafen", SearchSort.Relevance },
        { "Hafen OR Schule", SearchSort.Relevance },
        { "Hafen Schiff", SearchSort.Relevance }, // two words: the proximity rescorer
        { "Schiff", SearchSort.Newest },
        { "Zug Wetter", SearchSort.Oldest },
        { "", SearchSort.Relevance }, // every article, newest first
        { "", SearchSort.Oldest },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void HitsAreOrderedAsLuceneStringSortOrdersThemForAnyNumberOfHits(string text)
    {
        using var directory = FSDirectory.Open(fixture.IndexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = new QueryFactory(new GermanNewsAnalyzer()).Create(text).Full;

        foreach (var primary in Primaries())
        {
            var all = Top(searcher, query, reader.MaxDoc, new Sort(primary, StringId));
            AssertTiesSpanSegments(all, reader);

            // Cut through tie groups as well as at round numbers.
            var cuts = TieGroups(all).Take(8).Select(group => group.Start + (group.Length / 2)).Concat([1, 2, 10, 100, all.Length]);
            foreach (var size in cuts.Where(size => size > 0).Distinct())
            {
                Assert.Equal(Described(Top(searcher, query, size, new Sort(primary, StringId))), Described(Top(searcher, query, size, new Sort(primary, LazyId))));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void HitsAfterACursorAreOrderedAsLuceneStringSortOrdersThem(string text)
    {
        using var directory = FSDirectory.Open(fixture.IndexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = new QueryFactory(new GermanNewsAnalyzer()).Create(text).Full;

        foreach (var primary in Primaries())
        {
            var all = Top(searcher, query, reader.MaxDoc, new Sort(primary, StringId));
            for (var last = 0; last < all.Length; last += 5)
            {
                // As SearchCursor makes it: the sort values of the last hit shown, no document.
                var cursor = new FieldDoc(int.MaxValue, float.NaN, all[last].Fields);
                foreach (var size in new[] { 1, 5, 40 })
                {
                    var expected = searcher.SearchAfter(cursor, query, null, size, new Sort(primary, StringId), true, false).ScoreDocs.Cast<FieldDoc>();
                    var found = searcher.SearchAfter(cursor, query, null, size, new Sort(primary, LazyId), true, false).ScoreDocs.Cast<FieldDoc>();
                    Assert.Equal(Described(expected), Described(found));
                }
            }
        }
    }

    [Fact]
    public void SortValueIsTheIdAsBytesRef()
    {
        using var directory = FSDirectory.Open(fixture.IndexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };

        var hits = Top(searcher, new MatchAllDocsQuery(), reader.MaxDoc, new Sort(SortField.FIELD_SCORE, LazyId));

        Assert.Equal(fixture.Count, hits.Length);
        Assert.All(hits, hit => Assert.Equal(searcher.Doc(hit.Doc).Get(ArticleFields.Id, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<BytesRef>(hit.Fields[1]).Utf8ToString()));
        Assert.Equal(hits.Length, hits.Select(hit => hit.Fields[1]).Distinct(ReferenceEqualityComparer.Instance).Count()); // each hit its own copy
    }

    [Fact]
    public void ArticlesWithoutIdSortFirstAndSegmentsWithoutIdsAreReadAsLuceneStringSortReadsThem()
    {
        using var directory = MissingIdIndex.Create();
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(4, reader.Leaves.Count);
        Assert.Null(reader.Leaves[1].AtomicReader.GetSortedDocValues(ArticleFields.Id));
        var searcher = new IndexSearcher(reader);
        var query = new TermQuery(new Term("body", "hafen"));
        foreach (var primary in Primaries())
        {
            var all = Top(searcher, query, reader.MaxDoc, new Sort(primary, StringId));
            Assert.Contains(all, hit => hit.Fields[1] is null);
            for (var size = 1; size <= all.Length; size++)
            {
                Assert.Equal(Described(Top(searcher, query, size, new Sort(primary, StringId))), Described(Top(searcher, query, size, new Sort(primary, LazyId))));
            }

            // After the sort values alone (as SearchCursor) and after a hit itself (its document breaks a full tie).
            foreach (var cursor in all.SelectMany(last => new[] { new FieldDoc(int.MaxValue, float.NaN, last.Fields), last }))
            {
                foreach (var size in new[] { 1, 4, all.Length })
                {
                    var expected = searcher.SearchAfter(cursor, query, null, size, new Sort(primary, StringId), true, false).ScoreDocs.Cast<FieldDoc>();
                    var found = searcher.SearchAfter(cursor, query, null, size, new Sort(primary, LazyId), true, false).ScoreDocs.Cast<FieldDoc>();
                    Assert.Equal(Described(expected), Described(found));
                }
            }
        }
    }

    [Theory]
    [InlineData("Hafen", SearchSort.Relevance)]
    [InlineData("Hafen OR Schule", SearchSort.Relevance)]
    [InlineData("Schiff", SearchSort.Newest)]
    [InlineData("Zug Wetter", SearchSort.Oldest)]
    [InlineData("", SearchSort.Newest)]
    public void SearchesInOnePassOrInPartsRankTiesAsLuceneStringSortDoes(string text, SearchSort order)
    {
        using var directory = FSDirectory.Open(fixture.IndexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        var query = new QueryFactory(new GermanNewsAnalyzer()).Create(text);
        Assert.True(order != SearchSort.Relevance || query.Proximity is null, "ranked by the query's score alone, no proximity window");
        var primary = order switch
        {
            SearchSort.Relevance => SortField.FIELD_SCORE,
            SearchSort.Newest => new SortField(ArticleFields.DateSort, SortFieldType.INT64, reverse: true),
            _ => new SortField(ArticleFields.DateSort, SortFieldType.INT64),
        };
        var all = Top(searcher, query.Full, reader.MaxDoc, new Sort(primary, StringId));
        AssertTiesSpanSegments(all, reader);
        using var parallel = ArticleSearcher.Open(fixture.IndexPath);
        parallel.ParallelMinDocs = 0;
        parallel.Parallelism = 3;

        foreach (var size in new[] { 1, 3, 10, 37, 100 })
        {
            var expected = all.Take(size).Select(hit => ((BytesRef)hit.Fields[1]).Utf8ToString());
            var request = new SearchRequest(text, [], 1, size) { Sort = order, Facets = false, Snippets = false };
            Assert.Equal(expected, fixture.Searcher.Search(request).Hits.Select(hit => hit.Article.Id));
            Assert.Equal(expected, parallel.Search(request).Hits.Select(hit => hit.Article.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public void CursorPagesThroughTiedArticlesOnceEachInTheOrderOfOneBigPage(string text, SearchSort order)
    {
        using var parallel = ArticleSearcher.Open(fixture.IndexPath);
        parallel.ParallelMinDocs = 0;
        parallel.Parallelism = 3;
        var request = new SearchRequest(text, [], 1, SearchRequest.MaxSize) { Sort = order, Facets = false, Snippets = false };
        var total = fixture.Searcher.Search(request).Total;
        var bigPages = Enumerable.Range(1, (total + request.Size - 1) / request.Size)
            .SelectMany(page => fixture.Searcher.Search(request with { Page = page }).Hits)
            .Select(hit => hit.Article.Id)
            .ToList();
        Assert.True(bigPages.Count > 20);
        Assert.Equal(total, bigPages.Distinct().Count());

        foreach (var searcher in new[] { fixture.Searcher, parallel })
        {
            foreach (var size in new[] { 1, 4, 9 })
            {
                var walked = new List<string>();
                string? cursor = null;
                do
                {
                    var page = searcher.Search(request with { Size = size, Cursor = cursor });
                    walked.AddRange(page.Hits.Select(hit => hit.Article.Id));
                    cursor = page.Next;
                }
                while (cursor is not null && walked.Count <= total); // a cursor that keeps coming back fails, not hangs

                Assert.Equal(bigPages, walked);
            }
        }
    }

    private static SortField[] Primaries() =>
    [
        SortField.FIELD_SCORE,
        new SortField(ArticleFields.DateSort, SortFieldType.INT64, reverse: true),
        new SortField(ArticleFields.DateSort, SortFieldType.INT64),
    ];

    private static FieldDoc[] Top(IndexSearcher searcher, Query query, int size, Sort sort) =>
        [.. searcher.Search(query, null, size, sort, true, false).ScoreDocs.Cast<FieldDoc>()];

    // The runs of hits with the same first sort value (score or date), longer than one.
    private static IEnumerable<(int Start, int Length)> TieGroups(FieldDoc[] hits)
    {
        for (var start = 0; start < hits.Length;)
        {
            var end = start + 1;
            while (end < hits.Length && Equals(hits[end].Fields[0], hits[start].Fields[0]))
            {
                end++;
            }

            if (end - start > 1)
            {
                yield return (start, end - start);
            }

            start = end;
        }
    }

    private static void AssertTiesSpanSegments(FieldDoc[] hits, IndexReader reader)
    {
        var spanning = TieGroups(hits).Count(group => hits.Skip(group.Start).Take(group.Length).Select(hit => ReaderUtil.SubIndex(hit.Doc, reader.Leaves)).Distinct().Count() > 1);
        Assert.True(spanning >= 1, "ties spread over several segments");
    }

    private static IEnumerable<string> Described(IEnumerable<FieldDoc> hits) =>
        hits.Select(hit => FormattableString.Invariant($"{hit.Doc} {hit.Score:R} {hit.Fields[0]} {(hit.Fields[1] is BytesRef id ? id.Utf8ToString() : "(none)")}"));
}
