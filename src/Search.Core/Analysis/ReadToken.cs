namespace Search.Core.Analysis;

/// <summary>One token of an analysed text: its term, where its text is, its position (and how far it moved on from the
/// token before: 0 for a term stacked on the same word) and its type (which filter made it).</summary>
internal readonly record struct ReadToken(string Term, int Start, int End, int Position, int Increment, string Type);
