namespace Search.Relevance.Adhoc;

/// <summary>Graded judgments (qrels): for each topic, the grade of each judged article (0 not relevant, 1 relevant,
/// 2 highly relevant), read from TSV lines <c>topic&lt;TAB&gt;article&lt;TAB&gt;grade</c>.</summary>
internal sealed class Judgments
{
    private readonly Dictionary<string, Dictionary<string, int>> _grades;

    private Judgments(Dictionary<string, Dictionary<string, int>> grades) => _grades = grades;

    /// <summary>How many judgments there are in all.</summary>
    public int Count => _grades.Values.Sum(topic => topic.Count);

    /// <summary>Reads one or more judgment files; a later line for the same topic and article replaces an earlier one.</summary>
    /// <exception cref="FormatException">A line is not <c>topic&lt;TAB&gt;article&lt;TAB&gt;grade</c> with a grade of 0, 1 or 2
    /// (the message names the file and line).</exception>
    public static Judgments Read(IEnumerable<string> paths)
    {
        var grades = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var (lineNumber, line, columns) in TsvFile.Rows(path))
            {
                if (columns.Length < 3 || columns[2].Trim() is not ("0" or "1" or "2"))
                {
                    throw new FormatException($"{path}:{lineNumber}: expected 'topic<TAB>article<TAB>grade' with grade 0, 1 or 2, found '{line}'.");
                }

                if (!grades.TryGetValue(columns[0], out var topic))
                {
                    grades[columns[0]] = topic = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                topic[columns[1]] = columns[2].Trim()[0] - '0';
            }
        }

        return new Judgments(grades);
    }

    /// <summary>True when the topic has at least one judgment.</summary>
    public bool Has(string topic) => _grades.ContainsKey(topic);

    /// <summary>The grade of an article for a topic, or null when nobody judged it.</summary>
    public int? Grade(string topic, string article) =>
        _grades.TryGetValue(topic, out var judged) && judged.TryGetValue(article, out var grade) ? grade : null;

    /// <summary>Every grade given for a topic.</summary>
    public IEnumerable<int> Grades(string topic) => _grades.TryGetValue(topic, out var judged) ? judged.Values : [];
}
