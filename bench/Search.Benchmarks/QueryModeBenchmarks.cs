using BenchmarkDotNet.Attributes;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// The peers' four query modes on one query each of four kinds: Q1 top 10 (ids and scores), Q2 plus the facet counts
/// over all matches, Q3 plus a highlighted snippet per hit, Q4 = Q1 within one month. The kinds are one frequent word,
/// two words (AND), a phrase and a misspelled word.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QueryModeBenchmarks
{
    private const string Month = "2020-11";

    private ArticleSearcher _searcher = null!;
    private SearchRequest _q1 = null!;
    private SearchRequest _q2 = null!;
    private SearchRequest _q3 = null!;
    private SearchRequest _q4 = null!;

    /// <summary><c>real</c> (../shared/corpus) when it is there, else <c>generated</c>; see <see cref="BenchmarkCorpus"/>.</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "";

    public static IEnumerable<string> Corpora => BenchmarkCorpus.Available();

    [Params(
        "Ministerpräsident",    // one frequent word
        "Impfstoff Zulassung",  // two words, both must match
        "\"Angela Merkel\"",    // a phrase: positions are read, not only postings
        "Bundestg")]            // a typo of "Bundestag": measures whatever the engine answers (no typo fallback yet)
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void OpenIndex()
    {
        _searcher = ArticleSearcher.Open(BenchmarkIndex.Ensure(Corpus));
        _q1 = new SearchRequest(Query, []) { Facets = false, Snippets = false };
        _q2 = _q1 with { Facets = true };
        _q3 = _q2 with { Snippets = true };
        _q4 = _q1 with { Months = [Month] };
        var result = _searcher.Search(_q2);
        Console.WriteLine($"// {Query} on {Corpus}: {result.Total:N0} matches, {result.Facets.Months.FirstOrDefault(month => month.Value == Month)?.Count ?? 0:N0} in {Month}");
    }

    [GlobalCleanup]
    public void CloseIndex() => _searcher.Dispose();

    [Benchmark(Baseline = true, Description = "Q1 top 10")]
    public SearchResult Q1() => _searcher.Search(_q1);

    [Benchmark(Description = "Q2 + facets")]
    public SearchResult Q2() => _searcher.Search(_q2);

    [Benchmark(Description = "Q3 + snippets")]
    public SearchResult Q3() => _searcher.Search(_q3);

    [Benchmark(Description = "Q4 in 2020-11")]
    public SearchResult Q4() => _searcher.Search(_q4);
}
