using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

// Checks: merging an index written in several commits leaves the asked-for number of segments, every article, the
// analyzer version and the file ledger, and searches answer exactly as before.
public class MergeTests
{
    private static readonly string[] Queries = ["Hafen", "Schiff Hafen", "Brücke -Zug", ""];

    [Fact]
    public void MergingLeavesOneSegmentThatAnswersAsTheManyDid()
    {
        var path = TestCorpus.CreateTempFolder("merge-index");
        using (var writer = ArticleIndexWriter.Open(path))
        {
            for (var i = 0; i < 60; i++)
            {
                writer.Upsert(new NewsArticle($"m-{i:D2}", $"Hafen {i % 7}", $"2020-{1 + (i % 12):D2}-01", $"Das Schiff liegt im Hafen, Tag {i}. Zug und Brücke {i % 5}."), sourceFile: "/corpus/merge.jsonl");
                if (i % 15 == 14)
                {
                    writer.Commit();
                }
            }
        }

        var requests = Queries.Select(query => new SearchRequest(query, [], 1, 20)).ToList();
        var segmentsBefore = Segments(path);
        Assert.True(segmentsBefore > 1);
        var before = Answers(path, requests);

        (int Before, int After) merged;
        using (var writer = ArticleIndexWriter.Open(path))
        {
            merged = writer.Merge(maxSegments: 1);
            Assert.Equal(60, writer.Count);
            Assert.Equal(60, writer.CommittedIdsFrom("/corpus/merge.jsonl").Count);
        }

        Assert.Equal((segmentsBefore, 1), merged);
        Assert.Equal(1, Segments(path));
        Assert.Equal(before, Answers(path, requests));
        Assert.Equal(ArticleFields.AnalyzerVersion, IndexChecker.Check(path).AnalyzerVersion);
    }

    private static int Segments(string path)
    {
        using var directory = FSDirectory.Open(path);
        var segments = new SegmentInfos();
        segments.Read(directory);
        return segments.Count;
    }

    private static List<string> Answers(string path, IEnumerable<SearchRequest> requests)
    {
        using var searcher = ArticleSearcher.Open(path);
        return [.. requests.Select(request => searcher.Search(request)).Select(result => string.Join('\n', [
            FormattableString.Invariant($"{result.Total}"),
            .. result.Hits.Select(hit => FormattableString.Invariant($"{hit.Article.Id} {hit.Score:R} {hit.Snippet}"))]))];
    }
}
