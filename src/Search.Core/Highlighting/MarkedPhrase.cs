using Lucene.Net.Index;

namespace Search.Core.Highlighting;

/// <summary>A phrase to mark where all its terms stand at their relative positions.</summary>
/// <param name="Terms">The phrase's body terms.</param>
/// <param name="Positions">Their positions in the phrase.</param>
/// <param name="Word">The number of the query word the phrase is.</param>
/// <param name="Weight">How much showing it counts for a passage (its terms' IDFs summed).</param>
internal sealed record MarkedPhrase(Term[] Terms, int[] Positions, int Word, float Weight);
