using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// One search as the API runs it: BM25 top 10, the facet counts over all matches and a highlighted snippet per hit
/// (the peers' Q3), the same restricted to one month, and the second page.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Config))]
public class QueryLatencyBenchmarks
{
    private static readonly string[] NoMonths = [];
    private static readonly string[] November2020 = ["2020-11"];

    private ArticleSearcher _searcher = null!;

    /// <summary><c>real</c> (../shared/corpus) when it is there, else <c>generated</c>; see <see cref="BenchmarkCorpus"/>.</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "";

    public static IEnumerable<string> Corpora => BenchmarkCorpus.Available();

    // Match counts are for the real corpus (28,041 articles with the seed).
    [Params(
        "Ministerpräsident",          // a frequent word: 3,317 matches
        "Bundestag",                  // an institution: 1,665 matches
        "Corona",                     // 25,314 matches: facet counting and scoring touch nearly the whole index
        "Genf Gespräche",             // two words, one inflected (plural): 51 matches
        "Impfstoff Zulassung",        // two topical words: 489 matches
        "Corona Schulen Schließung")] // three words, with a plural and ß: 653 matches
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void OpenIndex() => _searcher = ArticleSearcher.Open(BenchmarkIndex.Ensure(Corpus));

    [GlobalCleanup]
    public void CloseIndex() => _searcher.Dispose();

    [Benchmark(Baseline = true, Description = "top 10 + facets + snippets")]
    public SearchResult TopTen() => _searcher.Search(new SearchRequest(Query, NoMonths));

    [Benchmark(Description = "top 10 in 2020-11")]
    public SearchResult TopTenInOneMonth() => _searcher.Search(new SearchRequest(Query, November2020));

    [Benchmark(Description = "page 2")]
    public SearchResult SecondPage() => _searcher.Search(new SearchRequest(Query, NoMonths, Page: 2));

    /// <summary>Shows the longest query in full rather than as "Coron(...)eßung".</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(30);
    }
}
