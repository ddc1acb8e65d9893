using System.Text;
using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, on a real 6 MB tmpfs: after a first run committed fine, a run whose articles do not fit ends with exit
// code 6 and one clear error naming the index folder, the full disk and what to do (no stack trace); the previous
// commit is intact (check healthy, the same articles); a searcher opened before keeps answering; once space is
// freed the next run works. A disk that fills up under one of Lucene's background merges ends the import with the same
// error and releases the index.
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void IndexerOnAFullDiskStopsWithAClearErrorAndLeavesThePreviousCommitServing()
    {
        using var disk = Tmpfs.Mount("6m");
        var index = Path.Combine(disk.Path, "index");
        int firstExit;
        using (var first = IndexerProcess.Start(index, TestCorpus.CreateCorpusFolder()))
        {
            firstExit = first.WaitForExit(Timeout);
        }

        Assert.Equal(0, firstExit);
        var before = IndexSnapshot.Read(index);
        using var searcher = ArticleSearcher.Open(index);
        var hitsBefore = searcher.Search(new SearchRequest("Häuser", [], 1, 10)).Total;
        var large = WriteLargeCorpus(articles: 800, bodyChars: 20_000);

        using var second = IndexerProcess.Start(index, TimeSpan.FromMinutes(10), large);
        var exit = second.WaitForExit(Timeout);

        var said = string.Join('\n', second.Output);
        var after = IndexSnapshot.Read(index);
        var check = IndexChecker.Check(index);
        searcher.Refresh();
        output.WriteLine($"first run: exit {firstExit}, {before.LiveDocs} articles; second run over {new FileInfo(large).Length / 1048576.0:N1} MiB: exit {exit}\n{said}");
        output.WriteLine($"after: {after.LiveDocs} articles, check healthy: {check.Healthy}, searcher opened before: {searcher.Count} articles, 'Häuser' {searcher.Search(new SearchRequest("Häuser", [], 1, 10)).Total} hits");
        Assert.Equal(6, exit);
        Assert.Contains($"stderr: Error: No space left on the disk that holds the index at {index} (", said, StringComparison.Ordinal);
        Assert.Contains("Free space on that disk (or move the index to a larger one), then try again.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
        Assert.True(check.Healthy, string.Join('\n', check.Problems));
        Assert.Equal(before.LiveDocs, check.Articles);
        Assert.Equal(before.LiveDocsPerId, after.LiveDocsPerId);
        Assert.Equal(before.LiveDocs, searcher.Count);
        Assert.Equal(hitsBefore, searcher.Search(new SearchRequest("Häuser", [], 1, 10)).Total);
        Assert.True(hitsBefore > 0);
        // The failed run released the index and left no half-written files behind: a run that fits works.
        using var third = IndexerProcess.Start(index, TestCorpus.CreateCorpusFolder());
        Assert.Equal(0, third.WaitForExit(Timeout));
    }

    [Fact]
    public void NewIndexWithoutRoomToMergeIsLeftCompleteInSeveralSegmentsWithANote()
    {
        using var disk = Tmpfs.Mount("8m");
        var index = Path.Combine(disk.Path, "index");
        var corpus = WriteLargeCorpus(articles: 6, bodyChars: 150_000);
        disk.FillUntil(bytesLeft: 9 * 1048576 / 2);

        // A commit after every article: a segment each (too few for Lucene's own merges), about 3 MiB in all.
        var summary = CorpusImporter.Import([corpus], index, new ImportOptions { CommitInterval = TimeSpan.Zero });

        var check = IndexChecker.Check(index);
        output.WriteLine($"index {summary.IndexBytes / 1048576.0:N2} MiB in {summary.Segments} segments, {new DriveInfo(disk.Path).AvailableFreeSpace / 1048576.0:N2} MiB free; not merged: {summary.NotMerged}");
        Assert.True(summary.Segments > 1);
        Assert.StartsWith("merging needs up to ", summary.NotMerged, StringComparison.Ordinal);
        Assert.Contains("Every article is indexed", summary.NotMerged, StringComparison.Ordinal);
        Assert.Contains($"merge --index {index}", summary.NotMerged, StringComparison.Ordinal);
        Assert.True(check.Healthy, string.Join('\n', check.Problems));
        Assert.Equal(6, check.Articles);
        Assert.Equal(6, summary.ArticlesInIndex);

        // With room again, the merge command finishes the job.
        disk.Unfill();
        using (var writer = ArticleIndexWriter.Open(index))
        {
            Assert.Equal(1, writer.Merge(maxSegments: 1).After);
        }

        Assert.Equal(6, IndexChecker.Check(index).Articles);
    }

    [Fact]
    public void DiskFillingUpUnderABackgroundMergeEndsTheImportWithTheDiskFullErrorAndReleasesTheIndex()
    {
        using var disk = Tmpfs.Mount("8m");
        var index = Path.Combine(disk.Path, "index");
        CorpusImporter.Import([TestCorpus.CreateCorpusFolder()], index);
        var before = IndexSnapshot.Read(index);
        disk.FillUntil(bytesLeft: 4 * 1048576);

        // A commit after every article: a segment each, and Lucene merges them in the background until the disk is full.
        var error = Assert.Throws<IndexDiskFullException>(() =>
            CorpusImporter.Import([WriteLargeCorpus(articles: 60, bodyChars: 20_000)], index, new ImportOptions { CommitInterval = TimeSpan.Zero }));

        output.WriteLine(error.ToString());
        var check = IndexChecker.Check(index);
        Assert.True(check.Healthy, string.Join('\n', check.Problems));
        Assert.Contains($"at {index} (", error.Message, StringComparison.Ordinal);
        // Committed articles are never lost: the index holds at least what it held before.
        Assert.True(check.Articles >= before.LiveDocs);
        disk.Unfill();
        Assert.Equal(check.Articles, CorpusImporter.Import([TestCorpus.CreateCorpusFolder()], index).ArticlesInIndex);
    }

    // Random letters: neither the stored fields nor the postings compress much, so the index outgrows the disk.
    private static string WriteLargeCorpus(int articles, int bodyChars)
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("large"), "large.jsonl");
        var random = new Random(42);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        var body = new StringBuilder(bodyChars + 16);
        for (var i = 0; i < articles; i++)
        {
            body.Clear();
            while (body.Length < bodyChars)
            {
                var length = random.Next(4, 11);
                for (var c = 0; c < length; c++)
                {
                    body.Append((char)('a' + random.Next(26)));
                }

                body.Append(' ');
            }

            file.WriteLine(JsonSerializer.Serialize(new { id = $"large-{i}", date = "2021-05-01", title = $"Meldung {i}", body = body.ToString() }));
        }

        return path;
    }
}
