using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Storage;
using Search.Core.Tests.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Storage;

// Checks: every file and compound-file slice reads the same bytes through the mapped directory as through Lucene's own;
// integers and varints (edge values included) decode as Lucene's DataInput does; reading or seeking past the end
// throws as Lucene expects; a closed file refuses clones and seeks; an index read through it answers as through
// Lucene's own directory.
public class MappedDirectoryTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private static readonly int[] Ints = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, int.MaxValue, -1, int.MinValue];

    private static readonly long[] Longs = [0, 1, 127, 128, 1L << 35, (1L << 49) - 1, 1L << 56, long.MaxValue];

    [Fact]
    public void EveryFileReadsTheSameBytesAsThroughLucenesOwnDirectory()
    {
        using var mapped = new MappedDirectory(fixture.IndexPath);
        using var stock = new NIOFSDirectory(new DirectoryInfo(fixture.IndexPath));
        var files = stock.ListAll().Where(name => name != "write.lock").ToList();
        Assert.NotEmpty(files);

        foreach (var name in files)
        {
            using var expected = stock.OpenInput(name, IOContext.READ);
            using var actual = mapped.OpenInput(name, IOContext.READ);
            Assert.Equal(expected.Length, actual.Length);
            Assert.Equal(ReadAll(expected), ReadAll(actual));
        }
    }

    [Fact]
    public void CompoundFileSlicesReadTheSameBytesAsLucenesSlices()
    {
        using var mapped = new MappedDirectory(fixture.IndexPath);
        using var stock = new NIOFSDirectory(new DirectoryInfo(fixture.IndexPath));
        var compound = stock.ListAll().First(name => name.EndsWith(".cfs", StringComparison.Ordinal));
        var length = stock.FileLength(compound);

        using var expectedSlicer = stock.CreateSlicer(compound, IOContext.READ);
        using var actualSlicer = mapped.CreateSlicer(compound, IOContext.READ);
        foreach (var (offset, count) in new[] { (0L, 16L), (7L, 1_000L), (length / 2, length / 3), (length - 5, 5L), (length, 0L) })
        {
            using var expected = expectedSlicer.OpenSlice("part", offset, count);
            using var actual = actualSlicer.OpenSlice("part", offset, count);
            Assert.Equal(count, actual.Length);
            Assert.Equal(ReadAll(expected), ReadAll(actual));
        }

        Assert.Throws<ArgumentException>(() => actualSlicer.OpenSlice("beyond", length - 4, 5));
    }

    [Fact]
    public void IntegersAndVarintsDecodeAsLucenesDataInputDoes()
    {
        var folder = TestCorpus.CreateTempFolder("mapped-numbers");
        using (var output = new NIOFSDirectory(new DirectoryInfo(folder)))
        using (var file = output.CreateOutput("numbers", IOContext.DEFAULT))
        {
            foreach (var value in Ints)
            {
                file.WriteInt32(value);
                file.WriteVInt32(value);
                file.WriteInt16((short)value);
            }

            foreach (var value in Longs)
            {
                file.WriteInt64(value);
                file.WriteVInt64(value);
                file.WriteInt64(-value);
            }

            file.WriteVInt32(int.MinValue); // five bytes at the very end: decoded byte by byte
        }

        using var directory = new MappedDirectory(folder);
        using var input = directory.OpenInput("numbers", IOContext.READ);
        foreach (var value in Ints)
        {
            Assert.Equal(value, input.ReadInt32());
            Assert.Equal(value, input.ReadVInt32());
            Assert.Equal((short)value, input.ReadInt16());
        }

        foreach (var value in Longs)
        {
            Assert.Equal(value, input.ReadInt64());
            Assert.Equal(value, input.ReadVInt64());
            Assert.Equal(-value, input.ReadInt64());
        }

        Assert.Equal(int.MinValue, input.ReadVInt32());
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void ReadingOrSeekingPastTheEndThrowsAsLuceneExpects()
    {
        using var directory = new MappedDirectory(fixture.IndexPath);
        var name = directory.ListAll().First(file => file.StartsWith("segments_", StringComparison.Ordinal));
        using var input = directory.OpenInput(name, IOContext.READ);

        input.Seek(input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadVInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[4], 0, 4));
        Assert.Throws<EndOfStreamException>(() => input.Seek(input.Length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => input.Seek(-1));
    }

    [Fact]
    public void AClosedFileRefusesClonesAndSeeksInsteadOfReadingUnmappedMemory()
    {
        using var directory = new MappedDirectory(fixture.IndexPath);
        var name = directory.ListAll().First(file => file.StartsWith("segments_", StringComparison.Ordinal));
        var input = directory.OpenInput(name, IOContext.READ);
        var clone = (IndexInput)input.Clone();
        clone.Dispose(); // a clone does not own the map: the file stays readable
        Assert.Equal(input.Length, ReadAll((IndexInput)input.Clone()).Length);

        input.Dispose();

        Assert.Throws<ObjectDisposedException>(() => input.Clone());
        Assert.Throws<ObjectDisposedException>(() => clone.Seek(0));
    }

    [Fact]
    public void AnEmptyFileOpensWithLengthZero()
    {
        var folder = TestCorpus.CreateTempFolder("mapped-empty");
        File.WriteAllBytes(Path.Combine(folder, "empty"), []);
        using var directory = new MappedDirectory(folder);
        using var input = directory.OpenInput("empty", IOContext.READ);

        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void AMissingFileThrowsFileNotFound()
    {
        using var directory = new MappedDirectory(fixture.IndexPath);
        Assert.Throws<FileNotFoundException>(() => directory.OpenInput("no-such-file", IOContext.READ));
    }

    [Fact]
    public void IndexReadThroughItAnswersAsThroughLucenesOwnDirectory()
    {
        using var mapped = new MappedDirectory(fixture.IndexPath);
        using var stock = FSDirectory.Open(fixture.IndexPath);
        using var viaMapped = DirectoryReader.Open(mapped);
        using var viaStock = DirectoryReader.Open(stock);

        foreach (var word in new[] { "hafen", "schiff", "museum" })
        {
            var query = new TermQuery(new Term(ArticleFields.Body, word));
            Assert.Equal(Described(viaStock, query), Described(viaMapped, query));
        }
    }

    private static byte[] ReadAll(IndexInput input)
    {
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }

    private static List<string> Described(IndexReader reader, Query query)
    {
        var searcher = new IndexSearcher(reader) { Similarity = ArticleFields.Similarity };
        return [.. searcher.Search(query, 50).ScoreDocs.Select(hit => $"{searcher.Doc(hit.Doc).Get(ArticleFields.Id, CultureInfo.InvariantCulture)} {hit.Score.ToString("R", CultureInfo.InvariantCulture)}")];
    }
}
