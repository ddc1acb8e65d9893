using System.Collections.Concurrent;
using System.Buffers.Binary;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Storage;
using Search.Core.Tests.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Storage;

// Checks: once a mapped file is released (the input that opened it, its compound file or its directory disposed),
// every read, seek and clone through any of its clones and slices throws ObjectDisposedException, both before and after
// its memory is unmapped, instead of crashing or returning other bytes; a postings list kept past its reader's close
// refuses to read on; readers on several threads that race a release read the file's own bytes until they are refused,
// and nothing else; searches running while refreshes and merges release old snapshots answer in full.
public class MappedFileTests(VariedCorpusFixture fixture) : IClassFixture<VariedCorpusFixture>
{
    private const int FileLength = 1 << 20;

    [Fact]
    public void EveryReadOfACloneAfterItsFileClosedThrowsBeforeAndAfterTheUnmap()
    {
        var file = MappedFile.Open(WritePattern("closed"));
        var input = new MappedInput("closed", file, 0, file.Length, owner: true);
        var clone = (IndexInput)input.Clone();
        clone.Seek(100);
        Assert.Equal(Pattern(100), clone.ReadByte());

        input.Dispose();
        AssertEveryReadThrows(clone);

        Assert.True(SpinWait.SpinUntil(() => file.Unmapped, TimeSpan.FromSeconds(30)), "the file was never unmapped");
        AssertEveryReadThrows(clone);
        AssertEveryReadThrows(input);
    }

    [Fact]
    public void ASliceOfACompoundFileThrowsAfterTheCompoundFileClosed()
    {
        var folder = Path.GetDirectoryName(WritePattern("compound"))!;
        using var directory = new MappedDirectory(folder);
        var slicer = directory.CreateSlicer("compound", IOContext.READ);
        var slice = slicer.OpenSlice("part", 1_000, 5_000);
        var cloneOfSlice = (IndexInput)slice.Clone();
        Assert.Equal(Pattern(1_000), slice.ReadByte());

        slicer.Dispose();

        AssertEveryReadThrows(slice);
        AssertEveryReadThrows(cloneOfSlice);
    }

    [Fact]
    public void ReadsThroughADisposedDirectoryThrowEvenWhenTheirFilesWereNeverClosed()
    {
        var folder = Path.GetDirectoryName(WritePattern("left-open"))!;
        var directory = new MappedDirectory(folder);
        var input = directory.OpenInput("left-open", IOContext.READ);
        var clone = (IndexInput)input.Clone();
        var slice = directory.CreateSlicer("left-open", IOContext.READ).OpenSlice("part", 0, 64);

        directory.Dispose();

        AssertEveryReadThrows(input);
        AssertEveryReadThrows(clone);
        AssertEveryReadThrows(slice);
        Assert.Throws<ObjectDisposedException>(() => directory.OpenInput("left-open", IOContext.READ));
    }

    [Fact]
    public void APostingsListKeptPastItsReadersCloseRefusesToReadOn()
    {
        using var directory = new MappedDirectory(fixture.IndexPath);
        var reader = DirectoryReader.Open(directory);
        var segment = reader.Leaves.MaxBy(leaf => leaf.Reader.MaxDoc)!.AtomicReader;
        var terms = segment.GetTerms(ArticleFields.Body).GetEnumerator();
        var common = new Lucene.Net.Util.BytesRef();
        var docFreq = 0;
        while (terms.MoveNext())
        {
            if (terms.DocFreq > docFreq)
            {
                (common, docFreq) = (Lucene.Net.Util.BytesRef.DeepCopyOf(terms.Term), terms.DocFreq);
            }
        }

        Assert.True(docFreq > 1);
        Assert.True(terms.SeekExact(common));
        var postings = terms.Docs(segment.LiveDocs, null);

        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => postings.NextDoc());
    }

    [Fact]
    public void ReadersOnSeveralThreadsThatRaceAReleaseReadTheFilesOwnBytesUntilTheyAreRefused()
    {
        var files = Enumerable.Range(0, 3).Select(i => MappedFile.Open(WritePattern($"raced-{i}"))).ToList();
        var inputs = files.Select(file => new MappedInput(file.Path, file, 0, file.Length, owner: true)).ToList();
        var failures = new ConcurrentQueue<string>();
        var stop = 0;
        var unmapped = 0;
        var readsBefore = new int[6];
        var refusedAfterUnmap = new int[6];

        var readers = Enumerable.Range(0, readsBefore.Length).Select(reader => new Thread(() =>
        {
            // Clones taken before the release and read straight on, as postings lists are: no seek or clone (which
            // check the file themselves) between their reads. After a refusal the same clone is read again.
            var input = inputs[reader % inputs.Count];
            var clones = new Queue<IndexInput>(Enumerable.Range(0, 2_000).Select(_ => (IndexInput)input.Clone()));
            var clone = clones.Dequeue();
            var buffer = new byte[64];
            while (Volatile.Read(ref stop) == 0)
            {
                var afterUnmap = Volatile.Read(ref unmapped) != 0;
                try
                {
                    for (var i = 0; i < 1_000; i++)
                    {
                        if (clone.Position > FileLength - 2 * buffer.Length)
                        {
                            if (!clones.TryDequeue(out clone!))
                            {
                                failures.Enqueue($"reader {reader}: read all its clones");
                                return;
                            }
                        }

                        var position = clone.Position;
                        clone.ReadBytes(buffer, 0, buffer.Length);
                        var number = clone.ReadInt32();
                        var next = clone.ReadByte();
                        var expected = ExpectedBytes(position, buffer.Length + 5);
                        if (!buffer.AsSpan().SequenceEqual(expected.AsSpan(0, buffer.Length)) ||
                            number != BinaryPrimitives.ReadInt32BigEndian(expected.AsSpan(buffer.Length)) || next != expected[^1])
                        {
                            failures.Enqueue($"reader {reader}: other bytes at {position}");
                        }
                    }

                    readsBefore[reader]++;
                }
                catch (ObjectDisposedException)
                {
                    if (afterUnmap)
                    {
                        refusedAfterUnmap[reader]++;
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue($"reader {reader}: {e.GetType().Name}: {e.Message}");
                    return;
                }
            }
        })).ToList();

        readers.ForEach(thread => thread.Start());
        SpinWait.SpinUntil(() => readsBefore.All(count => count > 0), TimeSpan.FromSeconds(30));
        foreach (var input in inputs)
        {
            input.Dispose(); // while its readers are in the middle of their clones' reads
            Thread.Sleep(20);
        }

        var allUnmapped = SpinWait.SpinUntil(() => files.All(file => file.Unmapped), TimeSpan.FromSeconds(30));
        Volatile.Write(ref unmapped, 1);
        SpinWait.SpinUntil(() => refusedAfterUnmap.All(count => count > 0), TimeSpan.FromSeconds(30));
        Volatile.Write(ref stop, 1);
        readers.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        Assert.True(allUnmapped, "the files were never unmapped");
        Assert.All(readsBefore, count => Assert.True(count > 0));
        Assert.All(refusedAfterUnmap, count => Assert.True(count > 0));
    }

    [Fact]
    public void SearchesRunningWhileRefreshesAndMergesReleaseOldSnapshotsAnswerInFull()
    {
        const int Harbours = 120;
        var index = TestCorpus.CreateTempFolder("released-snapshots");
        using var writer = ArticleIndexWriter.Open(index);
        for (var i = 0; i < Harbours; i++)
        {
            writer.Upsert(Harbour(i, 0));
        }

        writer.Commit();
        using var searcher = ArticleSearcher.Open(index);
        var request = new SearchRequest("Hafen", []) { Size = 20 };
        var failures = new ConcurrentQueue<string>();
        var stop = 0;
        var searches = 0;
        var readers = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                try
                {
                    var result = searcher.Search(request);
                    if (result.Total != Harbours || result.Hits.Count != 20)
                    {
                        failures.Enqueue($"{result.Total} articles, {result.Hits.Count} hits");
                    }

                    Interlocked.Increment(ref searches);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"{e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();

        readers.ForEach(thread => thread.Start());
        var random = new Random(24);
        for (var round = 1; round <= 30; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                writer.Upsert(Harbour(random.Next(Harbours), round));
            }

            writer.Commit();
            if (round % 10 == 0)
            {
                writer.Merge(1);
            }

            searcher.RefreshNow();
        }

        Volatile.Write(ref stop, 1);
        readers.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        Assert.True(searches > 0);
    }

    private static NewsArticle Harbour(int i, int version) =>
        new($"hafen-{i:D3}", $"Hafen {i}", "2020-04-02", $"Der Hafen wächst, Fassung {version}.", Source: "example.de");

    private static void AssertEveryReadThrows(IndexInput input)
    {
        var buffer = new byte[8];
        Assert.Throws<ObjectDisposedException>(() => input.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => input.ReadBytes(buffer, 0, buffer.Length));
        Assert.Throws<ObjectDisposedException>(() => input.ReadBytes(buffer, 0, buffer.Length, useBuffer: false));
        Assert.Throws<ObjectDisposedException>(() => input.ReadInt16());
        Assert.Throws<ObjectDisposedException>(() => input.ReadInt32());
        Assert.Throws<ObjectDisposedException>(() => input.ReadInt64());
        Assert.Throws<ObjectDisposedException>(() => input.ReadVInt32());
        Assert.Throws<ObjectDisposedException>(() => input.ReadVInt64());
        Assert.Throws<ObjectDisposedException>(() => input.ReadString());
        Assert.Throws<ObjectDisposedException>(() => input.SkipBytes(1));
        Assert.Throws<ObjectDisposedException>(() => input.Seek(0));
        Assert.Throws<ObjectDisposedException>(() => input.Clone());
    }

    // A file whose every byte is known from its position (and every varint read from it is valid: all bytes < 0x80).
    private static string WritePattern(string name)
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("mapped-file"), name);
        File.WriteAllBytes(path, ExpectedBytes(0, FileLength));
        return path;
    }

    private static byte Pattern(long position) => (byte)((position * 31 + (position >> 8)) % 127);

    private static byte[] ExpectedBytes(long position, int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = Pattern(position + i);
        }

        return bytes;
    }
}
