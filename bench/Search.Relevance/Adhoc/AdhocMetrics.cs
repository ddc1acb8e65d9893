namespace Search.Relevance.Adhoc;

/// <summary>The ad-hoc measures of TREC as <c>../shared/relevance/score.py</c> computes them: nDCG@10 (gains 0/1/3,
/// log2 discount), P@10 and the unjudged count.</summary>
internal static class AdhocMetrics
{
    /// <summary>How deep a ranking is judged.</summary>
    public const int Depth = 10;

    private static readonly int[] Gain = [0, 1, 3];

    /// <summary>Scores the top of <paramref name="ranked"/> for <paramref name="topic"/>.</summary>
    public static TopicScore Score(string topic, IReadOnlyList<string> ranked, Judgments judgments)
    {
        var top = ranked.Take(Depth).ToList();
        var grades = top.Select(article => judgments.Grade(topic, article)).ToList();
        var ideal = Dcg(judgments.Grades(topic).OrderDescending().Take(Depth));
        var condensed = ranked.Where(article => judgments.Grade(topic, article) is not null).Take(Depth).Select(article => judgments.Grade(topic, article)!.Value);
        return new TopicScore(
            ideal > 0 ? Dcg(grades.Select(grade => grade ?? 0)) / ideal : 0,
            grades.Count(grade => grade >= 1) / (double)Depth,
            grades.Count(grade => grade is null),
            ideal > 0 ? Dcg(condensed) / ideal : 0);
    }

    private static double Dcg(IEnumerable<int> grades) =>
        grades.Select((grade, rank) => Gain[grade] / Math.Log2(rank + 2)).Sum();
}
