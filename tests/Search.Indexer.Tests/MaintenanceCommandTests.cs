using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Indexer.Tests;

// Checks, with the real indexer process: delete and merge refuse a folder without an index (exit 4, naming the folder
// and how to build one) and leave no empty index behind; merge leaves one segment with every article.
public sealed class MaintenanceCommandTests
{
    [Theory]
    [InlineData("delete", "some-id")]
    [InlineData("merge")]
    public void CommandOnAFolderWithoutAnIndexIsRefusedAndCreatesNothing(params string[] command)
    {
        var missing = Path.Combine(TestCorpus.CreateTempFolder("no-index"), "index");

        using var indexer = IndexerProcess.StartWith([.. command, "--index", missing]);
        var exit = indexer.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(4, exit);
        Assert.Contains(indexer.Output, line => line.StartsWith("stderr: Error: no index at " + missing, StringComparison.Ordinal) && line.Contains("--index", StringComparison.Ordinal));
        Assert.False(System.IO.Directory.Exists(missing));
    }

    [Fact]
    public void MergeLeavesOneSegmentWithEveryArticle()
    {
        var path = TestCorpus.CreateTempFolder("merge-cli-index");
        using (var writer = ArticleIndexWriter.Open(path))
        {
            for (var i = 0; i < 30; i++)
            {
                writer.Upsert(new NewsArticle($"c-{i:D2}", $"Titel {i}", "2020-05-01", $"Text {i} über den Hafen."));
                if (i % 10 == 9)
                {
                    writer.Commit();
                }
            }
        }

        using var indexer = IndexerProcess.StartWith("merge", "--index", path);
        var exit = indexer.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exit);
        Assert.Contains(indexer.Output, line => line.StartsWith("merged 3 segments into 1 ", StringComparison.Ordinal));
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        Assert.Equal(30, reader.NumDocs);
        Assert.Equal(ArticleFields.AnalyzerVersion, reader.IndexCommit.UserData["analyzer"]);
    }
}
