namespace Search.Core.Querying;

/// <summary>The score tables of an index snapshot's most common words (see <see cref="ArticleSearcher.Open(string, bool, long, long)"/>).</summary>
/// <param name="Words">How many words have a table.</param>
/// <param name="Bytes">The memory the tables take.</param>
/// <param name="BuildTime">How long building them took when the snapshot opened.</param>
public sealed record CommonWordSummary(int Words, long Bytes, TimeSpan BuildTime);
