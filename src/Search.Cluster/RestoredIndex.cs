using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Cluster;

/// <summary>
/// The last steps of a restore: the downloaded files, still in their staging folder, are opened as an index and checked
/// against what the snapshot's metadata promised, and only then moved into the index folder, commit point last.
/// </summary>
internal static class RestoredIndex
{
    /// <summary>Opens the restored index in <paramref name="folder"/> and checks it against what the snapshot's metadata promised.</summary>
    /// <exception cref="InvalidDataException">It does not open as an index, or holds other articles than the metadata says.</exception>
    public static void Verify(string folder, IndexSnapshot snapshot)
    {
        try
        {
            // The index's segments are written with our codec, which is registered where indexes are opened.
            ArticleCodec.Register();
            using var directory = new NIOFSDirectory(folder);
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new InvalidDataException("it holds no index commit");
            }

            using var reader = DirectoryReader.Open(directory);
            foreach (var leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }

            var data = reader.IndexCommit.UserData;
            var (analyzer, sequence) = (IndexCommitData.ReadAnalyzerVersion(data), IndexCommitData.ReadStreamSequence(data));
            if (analyzer != ArticleFields.AnalyzerVersion || sequence != snapshot.Sequence || reader.NumDocs != snapshot.Articles)
            {
                throw new InvalidDataException(
                    $"the index holds {reader.NumDocs} articles up to sequence {sequence} with analyzer '{analyzer}', " +
                    $"its metadata says {snapshot.Articles} up to {snapshot.Sequence} with '{snapshot.AnalyzerVersion}'");
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException)
        {
            // Damaged bytes fail in whatever way Lucene's parser stumbles (as ArticleSearcher.Open reports them).
            throw new InvalidDataException($"it does not open as an index: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>Moves the files from <paramref name="staging"/> into <paramref name="folder"/>, the commit point last:
    /// until it is in place, the folder holds no index.</summary>
    public static void MoveInto(string staging, string folder)
    {
        var files = System.IO.Directory.GetFiles(staging).OrderBy(file => Path.GetFileName(file).StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)).ToList();
        foreach (var file in files)
        {
            File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }
}
