using Lucene.Net.Search;
using Search.Core.Ranking;

namespace Search.Core.Querying;

/// <summary>
/// A query as <see cref="QueryFactory"/> builds it from the user's text: what an article must match, and the optional
/// reward for articles where the query words stand close together.
/// </summary>
/// <param name="Matching">Decides which articles match, and scores them (BM25 over title, body and caption).</param>
/// <param name="Proximity">Matches where the query words stand within a few words of each other, in title or body; its
/// score is added to the matching score (<see cref="Full"/>, or <see cref="ProximityRescorer"/> for the first hits).
/// Null for queries of one word.</param>
internal sealed record SearchQuery(Query Matching, Query? Proximity)
{
    /// <summary>When <see cref="Matching"/> lets an article miss a word: the articles with every word (and none of the
    /// excluded ones), which come first when they are few (<see cref="Ranking.AllWordsFirstQuery"/>); otherwise null.</summary>
    public Query? AllWords { get; init; }

    /// <summary>When <see cref="AllWords"/> is set: from this many articles with every word on, only they match (the
    /// matching query is replaced by <see cref="AllWords"/>); 0: never.</summary>
    public int StrictFrom { get; init; }

    /// <summary>True for empty text: every article matches, newest first.</summary>
    public bool Browsing => Matching is MatchAllDocsQuery;

    /// <summary>One query scoring every match with its proximity reward.</summary>
    public Query Full => Proximity is null ? Matching : new BooleanQuery(disableCoord: true)
    {
        { Matching, Occur.MUST },
        { Proximity, Occur.SHOULD },
    };
}
