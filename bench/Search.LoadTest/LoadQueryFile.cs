namespace Search.LoadTest;

/// <summary>Reads the peers' query file: one query per line, optionally <c>&lt;TAB&gt;YYYY-MM</c>.</summary>
internal static class LoadQueryFile
{
    /// <summary>The queries of the file, in order; blank lines are skipped.</summary>
    public static IReadOnlyList<LoadQuery> Read(string path) =>
    [
        .. File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => line.Split('\t'))
            .Select(columns => new LoadQuery(columns[0], columns.Length > 1 && columns[1].Trim().Length > 0 ? columns[1].Trim() : null)),
    ];
}
