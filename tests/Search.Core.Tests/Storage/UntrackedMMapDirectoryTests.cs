using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Storage;
using Search.Core.Tests.Querying;

namespace Search.Core.Tests.Storage;

// Checks: the pinned Lucene.Net still lets files be opened without the clone registry (so an upgrade that renames the
// field fails here, not silently in the service's pauses); files, their clones and compound-file slices opened through
// the directory carry no registry; an index read through it answers as through Lucene's own directory.
public class UntrackedMMapDirectoryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly System.Reflection.FieldInfo Clones = typeof(ByteBufferIndexInput).GetField("clones", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    [Fact]
    public void PinnedLuceneLetsFilesBeOpenedWithoutTheCloneRegistry() => Assert.True(UntrackedMMapDirectory.Untracked);

    [Fact]
    public void FilesClonesAndCompoundSlicesCarryNoRegistry()
    {
        using var directory = new UntrackedMMapDirectory(fixture.IndexPath);
        var segments = directory.ListAll().Where(name => name.StartsWith("segments_", StringComparison.Ordinal)).ToList();
        var compound = directory.ListAll().First(name => name.EndsWith(".cfs", StringComparison.Ordinal));

        using var file = directory.OpenInput(segments[0], IOContext.READ_ONCE);
        using var slicer = directory.CreateSlicer(compound, IOContext.READ);
        using var slice = slicer.OpenSlice("first bytes", 0, 16);

        Assert.All(new[] { file, (IndexInput)file.Clone(), slice, (IndexInput)slice.Clone() }, input =>
        {
            Assert.IsAssignableFrom<ByteBufferIndexInput>(input);
            Assert.Null(Clones.GetValue(input));
        });
    }

    [Fact]
    public void IndexReadThroughItAnswersAsThroughLucenesOwnDirectory()
    {
        using var untracked = new UntrackedMMapDirectory(fixture.IndexPath);
        using var stock = FSDirectory.Open(fixture.IndexPath);
        using var viaUntracked = DirectoryReader.Open(untracked);
        using var viaStock = DirectoryReader.Open(stock);

        foreach (var word in new[] { "hafen", "schiff", "museum" })
        {
            var query = new TermQuery(new Term(ArticleFields.Body, word));
            Assert.Equal(Described(viaStock, query), Described(viaUntracked, query));
        }
    }

    private static List<string> Described(IndexReader reader, Query query)
    {
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        return [.. searcher.Search(query, 50).ScoreDocs.Select(hit => $"{searcher.Doc(hit.Doc).Get(ArticleFields.Id, CultureInfo.InvariantCulture)} {hit.Score.ToString("R", CultureInfo.InvariantCulture)}")];
    }
}
