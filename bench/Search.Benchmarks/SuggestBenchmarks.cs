using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// Completions as <c>/api/suggest</c> asks for them (8 per keystroke): a first letter (the widest prefix), a half word, a
/// word that is complete (its compounds), a long compound prefix, a prefix with a typo (the one-edit search), a
/// second word after a first, and a prefix within one month (each candidate counted in the month). The peers have no
/// completion to compare with; the targets are p99 ≤ 1 ms on the real corpus and ≤ 3 ms on a million articles.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Config))]
public class SuggestBenchmarks
{
    private static readonly string[] NoMonths = [];
    private static readonly string[] November2020 = ["2020-11"];

    private ArticleSearcher _searcher = null!;

    /// <summary><c>real</c> (../shared/corpus) when it is there, else <c>generated</c>; <c>existing</c> for an index
    /// named by <c>SEARCH_BENCH_INDEX</c>; see <see cref="BenchmarkCorpus"/>.</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "";

    public static IEnumerable<string> Corpora => BenchmarkCorpus.Available();

    [Params("M", "Wirec", "Masken", "Ministerpräsidentenk", "Ministerpräsidnt", "Lukaschenko Prot")]
    public string Typed { get; set; } = "";

    [GlobalSetup]
    public void OpenIndex() => _searcher = ArticleSearcher.Open(BenchmarkIndex.Ensure(Corpus));

    [GlobalCleanup]
    public void CloseIndex() => _searcher.Dispose();

    [Benchmark(Baseline = true, Description = "8 completions")]
    public int Complete() => _searcher.Suggest(new SearchRequest(Typed, NoMonths, Size: 8)).Count;

    [Benchmark(Description = "8 completions in 2020-11")]
    public int CompleteInOneMonth() => _searcher.Suggest(new SearchRequest(Typed, November2020, Size: 8)).Count;

    /// <summary>Shows the longest text in full.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(30);
    }
}
