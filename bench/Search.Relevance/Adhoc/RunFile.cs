using System.Text.Json;

namespace Search.Relevance.Adhoc;

/// <summary>Reads runs in the peers' format (<c>../shared/peers/run-relevance.sh</c>): JSON Lines
/// <c>{"expected": topic, "query": q, "top": [ids]}</c>, one line per topic.</summary>
internal static class RunFile
{
    /// <summary>The run's name: the file name without <c>.jsonl</c> (<c>xapian-or</c>).</summary>
    public static string Name(string path) =>
        Path.GetFileName(path) is var name && name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? name[..^6] : Path.GetFileName(path);

    /// <summary>The run files named by <paramref name="paths"/>: files, or folders whose <c>*.jsonl</c> files are each a run.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany(path => Directory.Exists(path) ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal) : (IEnumerable<string>)[path])];

    /// <summary>Reads one run.</summary>
    /// <exception cref="FormatException">A line is not such an object (the message names the file and line).</exception>
    public static RankedRun Read(string path)
    {
        var top = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var topic = json.RootElement.GetProperty("expected").GetString()!;
                top[topic] = [.. json.RootElement.GetProperty("top").EnumerateArray().Select(id => id.GetString()!)];
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{lineNumber}: expected {{\"expected\": topic, \"query\": q, \"top\": [ids]}} ({e.Message})", e);
            }
        }

        return new RankedRun(Name(path), top);
    }

    /// <summary>Runs of one name, read from one file per topic set, as one run.</summary>
    /// <exception cref="FormatException">Two of them answer the same topic.</exception>
    public static RankedRun Merge(IGrouping<string, RankedRun> runs)
    {
        var top = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (topic, ids) in runs.SelectMany(run => run.Top))
        {
            if (!top.TryAdd(topic, ids))
            {
                throw new FormatException($"two files of run '{runs.Key}' answer topic '{topic}': give each topic set's runs once.");
            }
        }

        return new RankedRun(runs.Key, top);
    }
}
