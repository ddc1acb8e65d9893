using System.Security.Cryptography;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// The index the query benchmarks search, built once per corpus (<see cref="BenchmarkCorpus"/>). BenchmarkDotNet runs
/// every case in a new process and calls <c>[GlobalSetup]</c> in each, so the first case builds the index into a temp
/// folder and the others reuse it.
/// </summary>
internal static class BenchmarkIndex
{
    /// <summary>The index folder of <paramref name="corpus"/> (<c>real</c> or <c>generated</c>), built on first use.</summary>
    public static string Ensure(string corpus)
    {
        if (corpus == BenchmarkCorpus.Existing)
        {
            return BenchmarkCorpus.ExistingPath ?? throw new InvalidOperationException("SEARCH_BENCH_INDEX names no index folder.");
        }

        var source = BenchmarkCorpus.PathOf(corpus);
        var path = Path.Combine(BenchmarkCorpus.Root, $"index-{corpus}-{CacheKey(source)}");
        if (Directory.Exists(path))
        {
            Console.WriteLine($"// Reusing the index of {source} at {path}");
            return path;
        }

        // Build beside the final folder and move it into place, so a folder under that name is always complete.
        var building = $"{path}.building-{Environment.ProcessId}";
        var summary = CorpusImporter.Import([source], building);
        Directory.Move(building, path);
        Console.WriteLine(
            $"// Indexed {summary.Added:N0} articles from {source} in {summary.Elapsed.TotalSeconds:F1} s " +
            $"({summary.IndexBytes / (1024.0 * 1024.0):F1} MiB) at {path}");
        return path;
    }

    /// <summary>Deletes every index and generated file the benchmarks wrote.</summary>
    public static void Delete()
    {
        if (Directory.Exists(BenchmarkCorpus.Root))
        {
            Directory.Delete(BenchmarkCorpus.Root, recursive: true);
        }
    }

    // A changed corpus file or a rebuilt engine gets a new index rather than a stale one from an interrupted run.
    private static string CacheKey(string source)
    {
        var files = (Directory.Exists(source) ? Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories) : [source])
            .Order(StringComparer.Ordinal)
            .Select(file => new FileInfo(file))
            .Select(file => $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        var engine = typeof(ArticleSearcher).Assembly.ManifestModule.ModuleVersionId;
        var text = string.Join('\n', files.Prepend(engine.ToString()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
