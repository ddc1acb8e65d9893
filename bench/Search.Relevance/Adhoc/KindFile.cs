namespace Search.Relevance.Adhoc;

/// <summary>Reads kinds files: TSV lines <c>topic&lt;TAB&gt;kind</c> (lines without a tab are skipped).</summary>
internal static class KindFile
{
    /// <summary>The kind of each topic, over every file.</summary>
    /// <exception cref="FormatException">A topic has a kind a second time (the message names the file and line).</exception>
    public static Dictionary<string, string> Read(IEnumerable<string> paths)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var (lineNumber, _, columns) in TsvFile.Rows(path))
            {
                if (columns.Length >= 2 && !kinds.TryAdd(columns[0], columns[1]))
                {
                    throw new FormatException($"{path}:{lineNumber}: topic '{columns[0]}' has a kind a second time; give each kinds file once.");
                }
            }
        }

        return kinds;
    }
}
