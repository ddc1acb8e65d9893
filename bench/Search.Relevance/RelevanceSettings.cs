namespace Search.Relevance;

/// <summary>The parsed command line of one relevance run.</summary>
/// <param name="Corpus">Corpus files or folders (.jsonl, .jsonl.gz, .txt).</param>
/// <param name="QueryFiles">Known-item TSV files, one query set each.</param>
/// <param name="IndexPath">The index folder; an existing index is updated incrementally (unchanged files are not read again).</param>
/// <param name="UseOr">Join the query words with OR instead of passing the text as is.</param>
/// <param name="OutFolder">Where to write <c>&lt;set&gt;/ours-&lt;variant&gt;.jsonl</c>, or null.</param>
/// <param name="Weights">Variants of the ranking's weights (<c>Name=value</c>), empty for the engine's own.</param>
internal sealed record RelevanceSettings(
    IReadOnlyList<string> Corpus, IReadOnlyList<string> QueryFiles, string IndexPath, bool UseOr, string? OutFolder, IReadOnlyList<string> Weights)
{
    /// <summary><c>and</c> or <c>or</c>, as in the peers' result files.</summary>
    public string Variant => UseOr ? "or" : "and";
}
