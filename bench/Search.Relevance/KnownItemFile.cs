namespace Search.Relevance;

/// <summary>Reads a query file: TSV lines <c>expected_id&lt;TAB&gt;query[&lt;TAB&gt;anything]</c>; further columns are ignored.</summary>
internal static class KnownItemFile
{
    /// <summary>The name of the query set: the file name without <c>.tsv</c>.</summary>
    public static string SetName(string path) =>
        Path.GetFileName(path) is var name && name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : Path.GetFileName(path);

    /// <summary>The queries of the file, in order; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line has no query column.</exception>
    public static IReadOnlyList<KnownItem> Read(string path)
    {
        var items = new List<KnownItem>();
        foreach (var (lineNumber, line, columns) in TsvFile.Rows(path))
        {
            if (columns.Length < 2 || columns[0].Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'expected_id<TAB>query', found '{line}'.");
            }

            items.Add(new KnownItem(columns[0], columns[1]));
        }

        return items;
    }
}
