using System.Text.Json;

namespace Search.Latency;

/// <summary>Lucene's exact total per query, from the peers' <c>lucene-search.json</c> (or their <c>results.json</c>).</summary>
internal static class LuceneTotals
{
    /// <summary>Query text → Lucene's total hits (from its Q2).</summary>
    public static IReadOnlyDictionary<string, int> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var hits = root.TryGetProperty("peers", out var peers) ? peers.GetProperty("lucene").GetProperty("hits") : root.GetProperty("hits");
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in hits.EnumerateArray())
        {
            totals[hit.GetProperty("q").GetString() ?? string.Empty] = hit.GetProperty("total").GetInt32();
        }

        return totals;
    }

    /// <summary>How many of our totals equal Lucene's exactly, and how many queries both have a total for.</summary>
    public static (int Same, int Compared) Compare(IReadOnlyList<PeerQuery> queries, IReadOnlyList<int?> ours, IReadOnlyDictionary<string, int> lucene)
    {
        var pairs = queries
            .Select((query, i) => (Ours: ours[i], Found: lucene.TryGetValue(query.Text, out var total), Lucene: total))
            .Where(pair => pair.Ours is not null && pair.Found)
            .ToList();
        return (pairs.Count(pair => pair.Ours == pair.Lucene), pairs.Count);
    }
}
