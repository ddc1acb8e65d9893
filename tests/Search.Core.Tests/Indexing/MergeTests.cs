using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

// Checks: merging an index written in several commits leaves the asked-for number of segments, every article, the
// analyzer version and the file ledger, and searches answer exactly as before; the first import of a new index ends
// merged (unless told not to), a later import leaves the segments it made.
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

    [Fact]
    public void FirstImportOfANewIndexEndsInOneSegmentThatAnswersAsTheManyDid()
    {
        var corpus = HarbourCorpus(files: 2, articlesPerFile: 20);
        var merged = TestCorpus.CreateTempFolder("merged-import");
        var unmerged = TestCorpus.CreateTempFolder("unmerged-import");

        // Committing after every article writes a segment per article (and Lucene merges some of them).
        var summary = CorpusImporter.Import([corpus], merged, new ImportOptions { CommitInterval = TimeSpan.Zero });
        var leftAlone = CorpusImporter.Import([corpus], unmerged, new ImportOptions { CommitInterval = TimeSpan.Zero, MergeNewIndex = false });

        Assert.Equal((1, 1, (string?)null), (summary.Segments, Segments(merged), summary.NotMerged));
        Assert.True(Segments(unmerged) > 1);
        Assert.Equal(Segments(unmerged), leftAlone.Segments);
        Assert.Equal(40, summary.ArticlesInIndex);
        var requests = Queries.Select(query => new SearchRequest(query, [], 1, 20)).ToList();
        Assert.Equal(Answers(unmerged, requests), Answers(merged, requests));
    }

    [Fact]
    public void ImportIntoAnIndexThatHasArticlesLeavesItsSegmentsToLucene()
    {
        var index = TestCorpus.CreateTempFolder("second-import");
        CorpusImporter.Import([HarbourCorpus(files: 1, articlesPerFile: 10)], index);
        Assert.Equal(1, Segments(index));

        var summary = CorpusImporter.Import([HarbourCorpus(files: 2, articlesPerFile: 10, firstId: 100)], index, new ImportOptions { CommitInterval = TimeSpan.Zero });

        Assert.True(summary.Segments > 1);
        Assert.Equal(Segments(index), summary.Segments);
        Assert.Null(summary.NotMerged);
        Assert.Equal(30, summary.ArticlesInIndex);
    }

    // JSON Lines files of made-up harbour news: ids from firstId on, months and words varying with the id.
    private static string HarbourCorpus(int files, int articlesPerFile, int firstId = 0)
    {
        var folder = TestCorpus.CreateTempFolder("harbour-corpus");
        for (var file = 0; file < files; file++)
        {
            File.WriteAllLines(Path.Combine(folder, $"harbour-{file}.jsonl"), Enumerable.Range(firstId + file * articlesPerFile, articlesPerFile)
                .Select(i => JsonSerializer.Serialize(new
                {
                    id = $"h-{i:D3}",
                    date = $"2020-{1 + (i % 12):D2}-01",
                    title = $"Hafen {i % 7}",
                    body = $"Das Schiff liegt im Hafen, Tag {i}. Zug und Brücke {i % 5}.",
                })));
        }

        return folder;
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
