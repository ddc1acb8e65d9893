using Lucene.Net.Index;

namespace Search.Core.Highlighting;

/// <summary>A body term to mark, and the query word it belongs to (a word and its compound-part form are one).</summary>
/// <param name="Term">The body term.</param>
/// <param name="Word">The number of the query word it belongs to.</param>
/// <param name="Weight">How much showing it counts for a passage (its IDF).</param>
internal sealed record MarkedTerm(Term Term, int Word, float Weight);
