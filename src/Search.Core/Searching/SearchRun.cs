using Search.Core.Collecting;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Searching;

/// <summary>One run of a query (<see cref="QueryRunner"/>).</summary>
/// <param name="Collected">The rankings asked for, the total, the facet counts, and whether time ran out.</param>
/// <param name="Rescorer">Reorders the first hits by the proximity of the query words, or null when the rankings are final.</param>
/// <param name="WithEveryWord">How many articles have every word: the total, unless the query let an article miss one;
/// then counted up to what the ranking needed to know (<see cref="SearchQuery.StrictFrom"/>).</param>
/// <param name="EveryWordFirst">Whether the articles with every word lead the ranking: every match has every word, or
/// they are few and come first (<see cref="AllWordsFirstQuery"/>).</param>
internal readonly record struct SearchRun(Collected Collected, ProximityRescorer? Rescorer, int WithEveryWord, bool EveryWordFirst);
