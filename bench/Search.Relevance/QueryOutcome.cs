using System.Text.Json.Serialization;

namespace Search.Relevance;

/// <summary>What the engine answered to one known-item query; also one line of a <c>&lt;set&gt;/ours-&lt;variant&gt;.jsonl</c> file.</summary>
/// <param name="Expected">The id the query should find.</param>
/// <param name="Query">The query text as sent (for <c>--or</c>, with the words joined by OR).</param>
/// <param name="Top">The ids of the top 10, best first; empty on an error.</param>
/// <param name="Error">The error code when the engine rejected the query, else null.</param>
/// <param name="Ms">Time of the search call in milliseconds (snippets included).</param>
internal sealed record QueryOutcome(
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("top")] IReadOnlyList<string> Top,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonPropertyName("ms")] double Ms)
{
    /// <summary>The 1-based rank of the expected id in <see cref="Top"/>, or 0 when it is not there.</summary>
    [JsonIgnore]
    public int Rank
    {
        get
        {
            for (var i = 0; i < Top.Count; i++)
            {
                if (string.Equals(Top[i], Expected, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }

            return 0;
        }
    }
}
