using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, with the real indexer process over input that holds no article (an empty folder, a folder of other files):
// it exits 3 and says so; a new index folder is not left behind (issue 22: an empty folder with a 0-byte
// compound-words.tsv was), a folder that was there keeps exactly what it held, and an existing index is never
// deleted or emptied, not even by --rebuild.
public sealed class EmptyInputProcessTests(ITestOutputHelper output)
{
    [Fact]
    public void IndexerOverAFolderWithoutArticlesExits3AndLeavesNoIndexFolder()
    {
        var corpus = TestCorpus.CreateTempFolder("no-articles");
        File.WriteAllText(Path.Combine(corpus, "README.md"), "Kein Artikel.");
        var index = Path.Combine(TestCorpus.CreateTempFolder("parent"), "index-data");

        var (exit, said) = Run(index, corpus);

        Assert.Equal(3, exit);
        Assert.Contains($"stderr: Error: no article found in {corpus}; no index was written at {index}. Articles are .txt, .jsonl, .jsonl.gz files; the repository's seeds/ is one.", said);
        Assert.False(Directory.Exists(index));
    }

    [Fact]
    public void IndexerOverAnEmptyFolderIntoAFolderWithoutAnIndexKeepsTheFolderAsItWas()
    {
        var corpus = TestCorpus.CreateTempFolder("empty");
        var index = TestCorpus.CreateTempFolder("index-data");
        File.WriteAllText(Path.Combine(index, ".gitkeep"), "");

        var (exit, _) = Run(index, corpus);

        Assert.Equal(3, exit);
        Assert.Equal([".gitkeep"], Directory.EnumerateFileSystemEntries(index).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 3)]
    public void IndexerOverAnEmptyFolderLeavesAnExistingIndexAsItWas(bool rebuild, int expectedExit)
    {
        var index = TestCorpus.CreateTempFolder("existing");
        var added = CorpusImporter.Import([TestCorpus.CreateCorpusFolder()], index).Added;
        var corpus = TestCorpus.CreateTempFolder("empty");

        var (exit, _) = Run(index, rebuild ? [corpus, "--rebuild"] : [corpus]);

        Assert.Equal(expectedExit, exit);
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(added, searcher.Count);
        Assert.NotNull(searcher.GetArticle(TestCorpus.SeedId));
    }

    private (int Exit, IReadOnlyList<string> Said) Run(string index, params string[] inputs)
    {
        using var indexer = IndexerProcess.StartWith([.. inputs, "--index", index]);
        var exit = indexer.WaitForExit(TimeSpan.FromMinutes(2));
        output.WriteLine(string.Join('\n', indexer.Output));
        return (exit, indexer.Output);
    }
}
