namespace Search.Relevance.Adhoc;

/// <summary>Reads a topics file: TSV lines <c>id&lt;TAB&gt;query&lt;TAB&gt;description</c>.</summary>
internal static class TopicFile
{
    /// <summary>The topics of the file, in order; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line has fewer than three columns, or an id occurs twice (the message names the file and line).</exception>
    public static IReadOnlyList<Topic> Read(string path) => Read([path]);

    /// <summary>The topics of every file, in order, as one set.</summary>
    /// <exception cref="FormatException">As for one file; an id that two files share is a second occurrence.</exception>
    public static IReadOnlyList<Topic> Read(IEnumerable<string> paths)
    {
        var topics = new List<Topic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            Add(path, topics, seen);
        }

        return topics;
    }

    private static void Add(string path, List<Topic> topics, HashSet<string> seen)
    {
        foreach (var (lineNumber, line, columns) in TsvFile.Rows(path))
        {
            if (columns.Length < 3 || columns[0].Length == 0 || columns[1].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'id<TAB>query<TAB>description', found '{line}'.");
            }

            if (!seen.Add(columns[0]))
            {
                throw new FormatException($"{path}:{lineNumber}: topic '{columns[0]}' occurs a second time; topic ids must be unique.");
            }

            topics.Add(new Topic(columns[0], columns[1], columns[2]));
        }
    }
}
