using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, end to end with the real indexer process over every kind of malformed input at once: it exits 2
// (some input skipped) without a stack trace, lists the skips with file and line, and indexes every good article.
public sealed class MalformedCorpusProcessTests(ITestOutputHelper output)
{
    [Fact]
    public void IndexerOverEveryKindOfBadInputExitsWithSomeSkippedAndIndexesTheGoodArticles()
    {
        var root = TestCorpus.CreateTempFolder("malformed");
        var kinds = MalformedCorpus.Create(root, withHugeLines: false);
        var index = TestCorpus.CreateTempFolder("malformed-index");

        using var indexer = IndexerProcess.Start(index, root);
        var exit = indexer.WaitForExit(TimeSpan.FromMinutes(2));

        var said = string.Join('\n', indexer.Output);
        output.WriteLine(said);
        Assert.Equal(2, exit);
        Assert.DoesNotContain("Unhandled exception", said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
        var firstBad = kinds.SelectMany(kind => kind.BadLocations).Order(StringComparer.Ordinal).First();
        Assert.Contains(indexer.Output, line => line.StartsWith($"skipped {firstBad}: ", StringComparison.Ordinal));
        using var searcher = ArticleSearcher.Open(index);
        Assert.All(kinds.SelectMany(kind => kind.GoodIds), id => Assert.NotNull(searcher.GetArticle(id)));
    }
}
