using System.Globalization;
using System.Text;

namespace Search.Relevance;

/// <summary>Formats scores as a markdown table, numbers in the invariant culture so it can be pasted into RESULTS.md.</summary>
internal static class ScoreTable
{
    public static string Format(IEnumerable<SetScore> scores)
    {
        var table = new StringBuilder()
            .AppendLine("| set | variant | queries | MRR@10 | Recall@10 | zero-result queries | errors |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var score in scores)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {score.Set} | ours {score.Variant} | {score.Queries} | {score.Mrr:F3} | {score.Recall:F3} | {score.ZeroResults} | {score.Errors} |");
        }

        return table.ToString();
    }
}
