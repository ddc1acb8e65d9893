using System.Globalization;
using System.Text;

namespace Search.Relevance.Adhoc;

/// <summary>The ad-hoc tables in markdown, numbers in the invariant culture so they can be pasted into RESULTS.md.</summary>
internal static class AdhocReport
{
    /// <summary>Every run on the set, best first, each with its interval and its paired difference to the baseline.</summary>
    public static string Summary(string set, IReadOnlyList<Topic> topics, Judgments judgments, IReadOnlyList<RunScores> runs, RunScores baseline)
    {
        var judged = topics.Sum(topic => judgments.Grades(topic.Id).Count());
        var table = new StringBuilder()
            .AppendLine(Invariant($"{set}: {topics.Count} topics, {judged:N0} judgments; nDCG@10 (gains 0/1/3), P@10, unjudged articles in the top 10 (counted as not relevant);"))
            .AppendLine(Invariant($"intervals: 95 % percentile bootstrap over topics ({Bootstrap.Resamples:N0} resamples), paired for the difference to {baseline.Name}"))
            .AppendLine()
            .AppendLine(Invariant($"| run | nDCG@10 | 95 % interval | P@10 | unjudged | − {baseline.Name} | 95 % paired interval | topics better / worse |"))
            .AppendLine("|---|---:|---|---:|---:|---:|---|---|");
        foreach (var run in runs.OrderByDescending(run => run.Ndcg))
        {
            var (low, high) = Bootstrap.Interval([.. run.Topics.Select(topic => topic.Ndcg)]);
            var differences = run.Topics.Zip(baseline.Topics, (ours, theirs) => ours.Ndcg - theirs.Ndcg).ToList();
            var (dLow, dHigh) = Bootstrap.Interval(differences);
            var name = run.Unjudged > 0 ? Invariant($"{run.Name} (condensed {run.CondensedNdcg:F3})") : run.Name;
            table.AppendLine(ReferenceEquals(run, baseline)
                ? Invariant($"| {name} | {run.Ndcg:F3} | [{low:F3}, {high:F3}] | {run.Precision:F3} | {run.Unjudged} | – | – | – |")
                : Invariant($"| {name} | {run.Ndcg:F3} | [{low:F3}, {high:F3}] | {run.Precision:F3} | {run.Unjudged} | {differences.Average():+0.000;−0.000;0.000} | [{dLow:+0.000;−0.000;0.000}, {dHigh:+0.000;−0.000;0.000}] | {differences.Count(d => d > 1e-9)} / {differences.Count(d => d < -1e-9)} |"));
        }

        return table.ToString();
    }

    /// <summary>nDCG@10 of every run on every topic, with the topic's query; the best score of a topic in bold.</summary>
    public static string PerTopic(IReadOnlyList<Topic> topics, IReadOnlyList<RunScores> runs)
    {
        var table = new StringBuilder()
            .AppendLine("| topic | query | " + string.Join(" | ", runs.Select(run => run.Name)) + " |")
            .AppendLine("|---|---|" + string.Concat(runs.Select(_ => "---:|")));
        for (var i = 0; i < topics.Count; i++)
        {
            var best = runs.Max(run => run.Topics[i].Ndcg);
            var cells = runs.Select(run => run.Topics[i] is var score && score.Ndcg >= best - 1e-9
                ? Invariant($"**{score.Ndcg:F2}**{Unjudged(score)}")
                : Invariant($"{score.Ndcg:F2}{Unjudged(score)}"));
            table.AppendLine($"| {topics[i].Id} | {topics[i].Query.Replace("|", "\\|", StringComparison.Ordinal)} | {string.Join(" | ", cells)} |");
        }

        return table.ToString();

        static string Unjudged(TopicScore score) => score.Unjudged > 0 ? Invariant($" ({score.Unjudged}?)") : string.Empty;
    }

    /// <summary>Mean nDCG@10 per kind of topic (<c>name</c>, <c>question</c>…) for every run.</summary>
    public static string PerKind(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, string> kinds, IReadOnlyList<RunScores> runs)
    {
        var table = new StringBuilder()
            .AppendLine("| kind | topics | " + string.Join(" | ", runs.Select(run => run.Name)) + " |")
            .AppendLine("|---|---:|" + string.Concat(runs.Select(_ => "---:|")));
        var groups = topics.Select((topic, index) => (Kind: kinds.GetValueOrDefault(topic.Id, "?"), Index: index)).GroupBy(topic => topic.Kind).OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var indexes = group.Select(topic => topic.Index).ToList();
            var means = runs.Select(run => indexes.Average(i => run.Topics[i].Ndcg)).ToList();
            var best = means.Max();
            table.AppendLine($"| {group.Key} | {indexes.Count} | " + string.Join(" | ", means.Select(mean => mean >= best - 1e-9 ? Invariant($"**{mean:F3}**") : Invariant($"{mean:F3}"))) + " |");
        }

        return table.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
