using Search.Core.Corpus;
using Search.Tests.Shared;

namespace Search.Core.Tests.Corpus;

public class CorpusReaderTests
{
    [Fact]
    public void FoldersAreWalkedRecursivelyInAStableOrder()
    {
        var folder = TestCorpus.CreateCorpusFolder();
        var nested = Directory.CreateDirectory(Path.Combine(folder, "2021", "12")).FullName;
        File.Copy(Path.Combine(TestCorpus.SeedsPath, TestCorpus.SeedId + ".txt"), Path.Combine(nested, "nested-seed.txt"));

        var ids = CorpusReader.Read([folder]).Select(record => record.Article?.Id).ToList();

        Assert.Equal(TestCorpus.FixtureArticles.Count + 2, ids.Count);
        Assert.Contains("nested-seed", ids);
        Assert.Contains(TestCorpus.SeedId, ids);
        Assert.Equal(ids, CorpusReader.Read([folder]).Select(record => record.Article?.Id).ToList());
    }

    [Fact]
    public void UnknownFileTypeAndMissingPathAreSkippedWithReasons()
    {
        var folder = TestCorpus.CreateTempFolder("corpus");
        File.WriteAllText(Path.Combine(folder, "notes.md"), "# notes");
        var missing = Path.Combine(folder, "missing.jsonl");

        var records = CorpusReader.Read([folder, missing]).ToList();

        Assert.Equal(
            ["unknown file type; expected one of .txt, .jsonl, .jsonl.gz", "no such file or folder"],
            records.Select(record => record.SkipReason));
    }
}
