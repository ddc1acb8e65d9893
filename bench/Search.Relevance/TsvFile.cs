namespace Search.Relevance;

/// <summary>The non-blank lines of a tab-separated file, numbered from 1, with their columns.</summary>
internal static class TsvFile
{
    /// <summary>Each non-blank line of <paramref name="path"/>: its number, its text and its tab-separated columns.</summary>
    public static IEnumerable<(int Number, string Line, string[] Columns)> Rows(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line, line.Split('\t'));
            }
        }
    }
}
