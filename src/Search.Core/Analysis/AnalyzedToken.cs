namespace Search.Core.Analysis;

/// <summary>One term the index makes of a text (<see cref="Querying.ArticleSearcher.Analyze"/>).</summary>
/// <param name="Term">The term as the index holds it (folded, stemmed; a compound part with a leading §).</param>
/// <param name="Text">The text it came from: the whole word for a compound part, both words for a joined one.</param>
/// <param name="Start">Where <paramref name="Text"/> starts, in UTF-16 characters of the analysed text.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Position">The word's position; terms that stand for the same word share it.</param>
/// <param name="Kind">What made the term.</param>
public sealed record AnalyzedToken(string Term, string Text, int Start, int End, int Position, AnalyzedTokenKind Kind);
