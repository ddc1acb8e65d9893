namespace Search.Latency;

/// <summary>The parsed command line of one latency run.</summary>
/// <param name="Corpus">Corpus files or folders (.jsonl, .jsonl.gz, .txt).</param>
/// <param name="QueryFile">The peers' query file.</param>
/// <param name="IndexPath">The index folder; an existing index is reused (unchanged files are not read again).</param>
/// <param name="WarmUpSeconds">How long <c>ArticleSearcher.WarmUp</c> runs after opening the index.</param>
/// <param name="Warmups">Untimed passes per mode before the timed ones.</param>
/// <param name="Repeats">Timed passes per mode after the warm-up pass.</param>
/// <param name="Clients">Concurrent clients for the Q3 throughput run.</param>
/// <param name="LuceneFile">The peers' <c>lucene-search.json</c> or <c>results.json</c> for the totals check, or null.</param>
/// <param name="JsonFile">Where to write the report as JSON, or null.</param>
/// <param name="Typos">Whether searches get the typo-tolerant retry and did-you-mean (<see cref="Search.Core.Querying.SearchRequest.Typos"/>); the peers have none.</param>
internal sealed record LatencySettings(
    IReadOnlyList<string> Corpus, string QueryFile, string IndexPath, double WarmUpSeconds, int Warmups, int Repeats, int Clients, string? LuceneFile, string? JsonFile, bool Typos = true)
{
    /// <summary>Variants of the ranking's weights (<c>Name=value</c>), empty for the engine's own.</summary>
    public IReadOnlyList<string> Weights { get; init; } = [];

    /// <summary>Measure completions for every keystroke of the queries (<see cref="KeystrokeRunner"/>) instead of the searches.</summary>
    public bool Keystrokes { get; init; }
}
