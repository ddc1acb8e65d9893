namespace Search.Relevance.Adhoc;

/// <summary>One run's scores on every topic of a set, in the set's topic order.</summary>
internal sealed record RunScores(string Name, IReadOnlyList<TopicScore> Topics)
{
    /// <summary>Scores <paramref name="run"/> on <paramref name="topics"/>; a topic the run did not answer scores 0.</summary>
    public static RunScores Of(RankedRun run, IReadOnlyList<Topic> topics, Judgments judgments) =>
        new(run.Name, [.. topics.Select(topic => AdhocMetrics.Score(topic.Id, run.Top.GetValueOrDefault(topic.Id) ?? [], judgments))]);

    public double Ndcg => Topics.Average(topic => topic.Ndcg);

    public double Precision => Topics.Average(topic => topic.Precision);

    public int Unjudged => Topics.Sum(topic => topic.Unjudged);

    public double CondensedNdcg => Topics.Average(topic => topic.CondensedNdcg);
}
