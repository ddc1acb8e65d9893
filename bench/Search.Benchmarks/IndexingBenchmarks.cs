using BenchmarkDotNet.Attributes;
using Search.Core.Indexing;

namespace Search.Benchmarks;

/// <summary>
/// Indexing as the indexer CLI does it (<see cref="CorpusImporter"/>: reader thread, writer threads, commit) of the first
/// N articles of the corpus, from a plain JSON Lines file into a new index folder per iteration.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)] // each invocation needs an empty folder, which [IterationSetup] makes
public class IndexingBenchmarks
{
    private string _input = "";
    private string _index = "";

    /// <summary><c>real</c> (../shared/corpus) when it is there, else <c>generated</c>; see <see cref="BenchmarkCorpus"/>.</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "";

    public static IEnumerable<string> Corpora => BenchmarkCorpus.Available();

    /// <summary>Articles per indexing run: about 2 s on 2 cores, long enough for merges and the commit to show.</summary>
    [Params(5_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void WriteInput() => _input = BenchmarkCorpus.Sample(Corpus, Articles);

    [IterationSetup]
    public void NewFolder() => _index = Path.Combine(BenchmarkCorpus.Root, $"indexing-{Environment.ProcessId}-{Guid.NewGuid():N}");

    [IterationCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_index))
        {
            Directory.Delete(_index, recursive: true);
        }
    }

    [Benchmark(Description = "index N articles into a new folder")]
    public ImportSummary Index() => CorpusImporter.Import([_input], _index);
}
