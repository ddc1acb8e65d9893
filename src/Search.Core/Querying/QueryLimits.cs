namespace Search.Core.Querying;

/// <summary>Bounds on what one query may cost, so a single expensive query cannot slow the service for everyone.</summary>
public sealed record QueryLimits
{
    /// <summary>The most clauses a parsed query may have, counting each word once per searched field (title, body, caption).</summary>
    /// <value>The default is 1024 (Lucene's own clause limit), about 340 words.</value>
    public int MaxClauses { get; init; } = 1024;

    /// <summary>The fewest characters before the first <c>*</c> or <c>?</c> of a prefix or wildcard word (<c>ab*</c>).</summary>
    /// <value>The default is 2, so <c>a*</c> is refused.</value>
    public int MinPrefixLength { get; init; } = 2;

    /// <summary>The most index terms one prefix, wildcard or range word may match; a word that matches more is refused.</summary>
    /// <value>The default is 10,000.</value>
    public int MaxTermExpansions { get; init; } = 10_000;

    /// <summary>How many leading characters of a fuzzy word (<c>word~</c>) must match exactly.</summary>
    /// <value>The default is 1: a typo in the first letter is not corrected, and long fuzzy words cost far less to expand.</value>
    public int FuzzyPrefixLength { get; init; } = 1;

    /// <summary>The most similar terms a fuzzy word (<c>word~</c>) searches for; the most similar ones are kept.</summary>
    /// <value>The default is 50 (Lucene's own default). Fuzzy words allow at most 2 edits whatever the query says.</value>
    public int MaxFuzzyExpansions { get; init; } = 50;
}
