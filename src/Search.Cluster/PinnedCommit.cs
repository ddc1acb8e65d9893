using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Cluster;

/// <summary>
/// The files of an index's last commit, each already open for reading, with what the commit holds. Lucene never
/// changes a file once a commit has named it, and an open file stays readable after the writer deletes it (a later
/// commit merged it away), so these files are one consistent copy of the index even while a node goes on writing it.
/// </summary>
internal sealed class PinnedCommit : IDisposable
{
    // A commit made between listing the files and opening them can delete one of them: then take the newer commit.
    private const int Attempts = 5;

    private PinnedCommit(IReadOnlyList<(string Name, FileStream File)> files, int articles, ulong sequence, string? analyzerVersion)
    {
        Files = files;
        Articles = articles;
        Sequence = sequence;
        AnalyzerVersion = analyzerVersion;
    }

    /// <summary>The files in archive order: the commit's segment files, the compound dictionary, and the commit point
    /// (<c>segments_N</c>) last, so that a copy cut short is never an index.</summary>
    public IReadOnlyList<(string Name, FileStream File)> Files { get; }

    /// <summary>Live articles of the commit.</summary>
    public int Articles { get; }

    /// <summary>The stream sequence the commit holds (<see cref="IndexCommitData.ReadStreamSequence"/>).</summary>
    public ulong Sequence { get; }

    /// <summary>The analyzer version the commit was written with.</summary>
    public string? AnalyzerVersion { get; }

    /// <summary>Bytes of all the files.</summary>
    public long Bytes => Files.Sum(file => file.File.Length);

    /// <summary>Opens the files of the last commit of the index in <paramref name="indexPath"/>.</summary>
    /// <exception cref="IndexUnavailableException">There is no index in that folder, or its commits kept changing.</exception>
    public static PinnedCommit Open(string indexPath)
    {
        ArticleCodec.Register();
        var fullPath = Path.GetFullPath(indexPath);
        for (var attempt = 1; ; attempt++)
        {
            // The index's segments are written with our codec, which is registered where indexes are opened.
            ArticleCodec.Register();
            using var directory = new NIOFSDirectory(fullPath);
            if (!System.IO.Directory.Exists(fullPath) || !DirectoryReader.IndexExists(directory))
            {
                throw new IndexUnavailableException($"No index at {fullPath}.");
            }

            using var reader = DirectoryReader.Open(directory);
            var commit = reader.IndexCommit;
            var names = commit.FileNames.Where(name => name != commit.SegmentsFileName).Order(StringComparer.Ordinal).ToList();
            if (File.Exists(Path.Combine(fullPath, CompoundSplitter.FileName)))
            {
                names.Add(CompoundSplitter.FileName);
            }

            names.Add(commit.SegmentsFileName);
            var files = new List<(string, FileStream)>(names.Count);
            try
            {
                foreach (var name in names)
                {
                    files.Add((name, new FileStream(Path.Combine(fullPath, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan)));
                }
            }
            catch (FileNotFoundException e)
            {
                files.ForEach(file => file.Item2.Dispose());
                if (attempt < Attempts)
                {
                    continue;
                }

                throw new IndexUnavailableException($"The index at {fullPath} committed {Attempts} times while its files were being opened; try again.", e);
            }
            catch
            {
                files.ForEach(file => file.Item2.Dispose());
                throw;
            }

            var userData = commit.UserData;
            return new PinnedCommit(files, reader.NumDocs, IndexCommitData.ReadStreamSequence(userData), IndexCommitData.ReadAnalyzerVersion(userData));
        }
    }

    public void Dispose()
    {
        foreach (var (_, file) in Files)
        {
            file.Dispose();
        }
    }
}
