namespace Search.Relevance;

/// <summary>The scores of one query set in one variant.</summary>
/// <param name="Set">The query set (file name without <c>.tsv</c>).</param>
/// <param name="Variant"><c>and</c> (the text as is) or <c>or</c> (words joined by OR).</param>
/// <param name="Queries">How many queries the set holds.</param>
/// <param name="Mrr">Mean of 1/rank of the expected id within the top 10 (0 outside it or on an error).</param>
/// <param name="Recall">Share of queries with the expected id in the top 10.</param>
/// <param name="ZeroResults">Queries that ran and found nothing (errors not included).</param>
/// <param name="Errors">Queries the engine rejected (<c>SearchInputException</c>).</param>
internal sealed record SetScore(string Set, string Variant, int Queries, double Mrr, double Recall, int ZeroResults, int Errors)
{
    /// <summary>Scores the outcomes of one set.</summary>
    public static SetScore From(string set, string variant, IReadOnlyList<QueryOutcome> outcomes)
    {
        var count = outcomes.Count;
        var ranks = outcomes.Select(outcome => outcome.Rank).ToList();
        return new SetScore(
            set,
            variant,
            count,
            count == 0 ? 0 : ranks.Sum(rank => rank == 0 ? 0 : 1.0 / rank) / count,
            count == 0 ? 0 : ranks.Count(rank => rank > 0) / (double)count,
            outcomes.Count(outcome => outcome.Error is null && outcome.Top.Count == 0),
            outcomes.Count(outcome => outcome.Error is not null));
    }
}
