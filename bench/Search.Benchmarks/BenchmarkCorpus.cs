using System.IO.Compression;

namespace Search.Benchmarks;

/// <summary>
/// The corpora the benchmarks can run on, as the values of their <c>Corpus</c> parameter: <c>real</c> is
/// <c>../shared/corpus</c> (beside the repository, or beside its folder of worktrees), <c>generated</c> is a synthetic
/// corpus written in-process (<see cref="SyntheticCorpus"/>). By default the real one when it is there, else the
/// generated one; <c>SEARCH_BENCH_CORPUS=generated</c> (or <c>real,generated</c>) chooses.
/// </summary>
internal static class BenchmarkCorpus
{
    public const string Real = "real";
    public const string Generated = "generated";

    /// <summary>An index built elsewhere (<c>SEARCH_BENCH_INDEX</c>, e.g. a million generated articles), searched as it is.</summary>
    public const string Existing = "existing";

    private const string ExistingIndex = "SEARCH_BENCH_INDEX";

    /// <summary>Articles in the generated corpus: enough for facets and posting lists to matter, quick to index (about 10 s).</summary>
    public const int GeneratedArticles = 20_000;

    private const string Choice = "SEARCH_BENCH_CORPUS";

    /// <summary>The folder the benchmarks write indexes and generated files to; <c>Program</c> deletes it after the run.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "search-benchmarks");

    /// <summary>The index folder <c>SEARCH_BENCH_INDEX</c> names, or null.</summary>
    public static string? ExistingPath { get; } = Environment.GetEnvironmentVariable(ExistingIndex) is { Length: > 0 } path ? path : null;

    /// <summary>The real corpus folder, or null when it is not on this machine.</summary>
    public static string? RealPath { get; } = FindShared("corpus");

    /// <summary>The corpora to run on: the <c>SEARCH_BENCH_CORPUS</c> list, else the real one when present, else the generated one.</summary>
    /// <exception cref="InvalidOperationException"><c>SEARCH_BENCH_CORPUS</c> names an unknown corpus, or <c>real</c> when it is missing.</exception>
    public static IEnumerable<string> Available()
    {
        var chosen = Environment.GetEnvironmentVariable(Choice);
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return [RealPath is null ? Generated : Real];
        }

        var names = chosen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            if (name is not (Real or Generated or Existing))
            {
                throw new InvalidOperationException($"{Choice}={chosen}: unknown corpus '{name}'. Use {Real}, {Generated}, {Existing} (with {ExistingIndex}) or a list of them.");
            }

            if (name == Existing && ExistingPath is null)
            {
                throw new InvalidOperationException($"{Choice}={chosen}: set {ExistingIndex} to the folder of an index, e.g. /tmp/gen/index-1m.");
            }

            if (name == Real && RealPath is null)
            {
                throw new InvalidOperationException($"{Choice}={chosen}: there is no ../shared/corpus beside the repository.");
            }
        }

        return names;
    }

    /// <summary>The files or folder to index for <paramref name="corpus"/>; the generated corpus is written on first use.</summary>
    public static string PathOf(string corpus) => corpus switch
    {
        Real => RealPath ?? throw new InvalidOperationException("There is no ../shared/corpus beside the repository."),
        Generated => EnsureGenerated(GeneratedArticles),
        _ => throw new ArgumentOutOfRangeException(nameof(corpus), corpus, $"Use {Real} or {Generated}."),
    };

    /// <summary>A JSON Lines file with the first <paramref name="articles"/> articles of <paramref name="corpus"/>, for indexing runs.</summary>
    public static string Sample(string corpus, int articles)
    {
        if (corpus == Generated)
        {
            return EnsureGenerated(articles);
        }

        var path = Path.Combine(Root, $"sample-{corpus}-{articles}.jsonl");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Root);
            var files = Directory.EnumerateFiles(PathOf(corpus), "*.jsonl*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            var lines = files.SelectMany(ReadLines).Where(line => line.Length > 0).Take(articles).ToList();
            if (lines.Count < articles)
            {
                throw new InvalidOperationException($"{PathOf(corpus)} holds only {lines.Count} JSON Lines articles; the benchmark wants {articles}.");
            }

            WriteAtomically(path, writer => lines.ForEach(writer.WriteLine));
        }

        return path;
    }

    private static string EnsureGenerated(int articles)
    {
        var path = Path.Combine(Root, $"generated-{articles}-v{SyntheticCorpus.Version}.jsonl");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Root);
            WriteAtomically(path, writer => SyntheticCorpus.Write(writer, articles, seed: 42));
        }

        return path;
    }

    // Benchmark cases run in separate processes; a file under its final name is always complete.
    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var partial = $"{path}.{Environment.ProcessId}.partial";
        using (var writer = new StreamWriter(partial))
        {
            write(writer);
        }

        File.Move(partial, path, overwrite: true);
    }

    private static IEnumerable<string> ReadLines(string file)
    {
        using var stream = File.OpenRead(file);
        using var input = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(input);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    // ../shared beside the repository, or beside the folder of worktrees (/work/wt/x → /work/shared).
    private static string? FindShared(string name)
    {
        for (var folder = new DirectoryInfo(RepositoryRoot()).Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string RepositoryRoot()
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
}
