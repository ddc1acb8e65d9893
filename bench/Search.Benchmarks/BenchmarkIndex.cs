using System.Security.Cryptography;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// The index the benchmarks search, built once from the real corpus (<c>../shared/corpus</c> beside the repository)
/// or, when that is absent, from <c>seeds/</c>. BenchmarkDotNet runs every case in a new process and calls
/// <c>[GlobalSetup]</c> in each, so the first case builds the index into a temp folder and the others reuse it.
/// </summary>
internal static class BenchmarkIndex
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "search-benchmarks");

    /// <summary>The corpus folder the index is built from.</summary>
    public static string CorpusPath { get; } = FindCorpus();

    /// <summary>The index folder, built on first use.</summary>
    public static string Ensure()
    {
        var path = Path.Combine(Root, CacheKey());
        if (Directory.Exists(path))
        {
            Console.WriteLine($"// Reusing the index of {CorpusPath} at {path}");
            return path;
        }

        // Build beside the final folder and move it into place, so a folder under that name is always complete.
        var building = $"{path}.building-{Environment.ProcessId}";
        var summary = CorpusImporter.Import([CorpusPath], building);
        Directory.Move(building, path);
        Console.WriteLine(
            $"// Indexed {summary.Added:N0} articles from {CorpusPath} in {summary.Elapsed.TotalSeconds:F1} s " +
            $"({summary.IndexBytes / (1024.0 * 1024.0):F1} MiB) at {path}");
        return path;
    }

    /// <summary>Deletes every index the benchmarks built.</summary>
    public static void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string FindCorpus()
    {
        var root = FindRepositoryRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        return Directory.Exists(shared) ? shared : Path.Combine(root, "seeds");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Search.sln above {AppContext.BaseDirectory}: run the benchmarks from the repository.");
    }

    // A changed corpus file or a rebuilt engine gets a new index rather than a stale one from an interrupted run.
    private static string CacheKey()
    {
        var files = Directory.EnumerateFiles(CorpusPath, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => new FileInfo(file))
            .Select(file => $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        var engine = typeof(ArticleSearcher).Assembly.ManifestModule.ModuleVersionId;
        var text = string.Join('\n', files.Prepend(engine.ToString()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
