using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Collecting;
using Search.Core.Querying;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Collecting;

// Checks: a search split into parts run at once (as on a large index) answers exactly as one pass does (hits, scores,
// order, totals, facets, cursors, the typo retry); the parts cover every article once, in order, in even runs.
public class ParallelSearchTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    public static TheoryData<string, SearchSort, string[], bool> Searches => new()
    {
        { "Hafen", SearchSort.Relevance, [], true },
        { "Hafen Schiff", SearchSort.Relevance, [], true },
        { "Hafen Schiff", SearchSort.Relevance, ["2020-04"], false },
        { "Regierung -Schule", SearchSort.Newest, [], true },
        { "Brücke Gericht", SearchSort.Fresh, [], true },
        { "\"Hafen und Schiff\"", SearchSort.Oldest, ["2020-01", "2020-02"], true },
        { "Krankenhaus Flughafn", SearchSort.Relevance, [], true }, // misspelt: the typo-tolerant retry
        { "", SearchSort.Relevance, [], true },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void SearchInPartsAnswersAsOnePassDoes(string query, SearchSort sort, string[] months, bool facets)
    {
        using var parallel = ArticleSearcher.Open(fixture.IndexPath);
        parallel.ParallelMinDocs = 0;
        parallel.Parallelism = 3;
        var single = fixture.Searcher;
        Assert.True(single.ParallelMinDocs > VariedCorpusFixture.Count);

        var request = new SearchRequest(query, months, 1, 7) { Sort = sort, Facets = facets };
        for (var page = 1; page <= 3; page++)
        {
            Assert.Equal(Described(single.Search(request with { Page = page })), Described(parallel.Search(request with { Page = page })));
        }

        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var expected = single.Search(request with { Cursor = cursor });
            var actual = parallel.Search(request with { Cursor = cursor });
            Assert.Equal(Described(expected), Described(actual));
            cursor = expected.Next;
            if (cursor is null)
            {
                break;
            }
        }
    }

    [Fact]
    public void ConcurrentSearchesInPartsAnswerAsOnePassDoes()
    {
        using var parallel = ArticleSearcher.Open(fixture.IndexPath);
        parallel.ParallelMinDocs = 0;
        parallel.Parallelism = 8; // several parts each even with four searches running
        var requests = Searches.Select(row => new SearchRequest((string)row[0], (string[])row[2], 1, 7) { Sort = (SearchSort)row[1], Facets = (bool)row[3] }).ToList();
        var expected = requests.Select(request => Described(fixture.Searcher.Search(request))).ToList();

        var answers = new System.Collections.Concurrent.ConcurrentBag<(int Index, string Answer)>();
        Parallel.For(0, 4, _ =>
        {
            for (var round = 0; round < 10; round++)
            {
                for (var index = 0; index < requests.Count; index++)
                {
                    answers.Add((index, Described(parallel.Search(requests[index]))));
                }
            }
        });

        Assert.Equal(4 * 10 * requests.Count, answers.Count);
        Assert.All(answers, answer => Assert.Equal(expected[answer.Index], answer.Answer));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void PartsCoverEveryArticleOnceInOrderInEvenRuns(int parts)
    {
        using var directory = FSDirectory.Open(fixture.IndexPath);
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1, "the fixture is written in several commits, so several segments");

        var runs = DocRange.Split(reader.Leaves, parts);

        Assert.Equal(parts, runs.Count);
        var covered = runs.SelectMany(run => run).SelectMany(range => Enumerable.Range(range.Leaf.DocBase + range.From, range.To - range.From));
        Assert.Equal(Enumerable.Range(0, reader.MaxDoc), covered);
        var sizes = runs.Select(run => run.Sum(range => range.To - range.From)).ToList();
        Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
        Assert.All(runs.SelectMany(run => run), range => Assert.InRange(range.From, 0, range.To - 1));
    }

    private static string Described(SearchResult result) => string.Join('\n', [
        FormattableString.Invariant($"{result.Total} {result.Next} {result.DidYouMean} {result.Fuzzy} {result.Partial}"),
        string.Join(' ', result.Months.Select(month => $"{month.Value}:{month.Count}")),
        string.Join(' ', result.Facets.Years.Select(year => $"{year.Value}:{year.Count}")),
        string.Join(' ', result.Facets.Sources.Select(source => $"{source.Value}:{source.Count}")),
        .. result.Hits.Select(hit => FormattableString.Invariant($"{hit.Article.Id} {hit.Score:R} {hit.Snippet}"))]);
}
