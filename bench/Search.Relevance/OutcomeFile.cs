using System.Text.Encodings.Web;
using System.Text.Json;

namespace Search.Relevance;

/// <summary>Writes <c>&lt;out&gt;/&lt;set&gt;/ours-&lt;variant&gt;.jsonl</c>, the format <c>peers/common/relevance.py</c> scores.</summary>
internal static class OutcomeFile
{
    // Umlauts and quotes stay readable; the files are data, never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the outcomes of one set and variant; returns the file's path.</summary>
    public static string Write(string outFolder, string set, string variant, IReadOnlyList<QueryOutcome> outcomes)
    {
        var folder = Path.Combine(outFolder, set);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"ours-{variant}.jsonl");
        File.WriteAllLines(path, outcomes.Select(outcome => JsonSerializer.Serialize(outcome, Json)));
        return path;
    }
}
