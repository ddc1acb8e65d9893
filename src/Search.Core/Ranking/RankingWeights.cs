using Search.Core.Documents;

namespace Search.Core.Ranking;

/// <summary>
/// Every weight of the ranking, in one place: how a query's words become a score (see docs/ARCHITECTURE.md, "How a
/// score is made"). <see cref="Default"/> is what the engine ranks by; the relevance bench builds variants of it to
/// measure a change (<c>bench/Search.Relevance adhoc --set Name=value</c>).
/// </summary>
public sealed record RankingWeights
{
    /// <summary>The weights the engine ranks by.</summary>
    public static RankingWeights Default { get; } = new();

    /// <summary>BM25's k1: how slowly repeated occurrences of a word stop counting.</summary>
    public float K1 { get; init; } = 2f;

    /// <summary>BM25's b: how much a long article's matches are discounted for its length (0 none, 1 in proportion).</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>An occurrence in the headline counts this many occurrences in the body.</summary>
    public float TitleWeight { get; init; } = 3f;

    /// <summary>An occurrence in the body.</summary>
    public float BodyWeight { get; init; } = 1f;

    /// <summary>An occurrence in the image caption.</summary>
    public float CaptionWeight { get; init; } = 0.5f;

    /// <summary>A word found only as part of a compound ("Impfstoff" in "Impfstoffhersteller") counts this share of the whole word.</summary>
    public float CompoundPartWeight { get; init; } = 0.7f;

    /// <summary>A quoted phrase, a prefix or a fuzzy word scores by its best field plus this share of its other matches.</summary>
    public float OtherMatchWeight { get; init; } = 0.1f;

    /// <summary>The reward for the query's words standing within <see cref="ProximitySlop"/> of each other.</summary>
    public float ProximityWeight { get; init; }

    /// <summary>The reward for the query's words standing together in the headline.</summary>
    public float TitleProximityWeight { get; init; } = 4f;

    /// <summary>How many positions apart the query words may stand for the proximity reward (their order may differ).</summary>
    public int ProximitySlop { get; init; } = 4;

    /// <summary>The word two query words make together ("Masken Pflicht": Maskenpflicht) weighs this many times one word.</summary>
    public float JoinedWeight { get; init; } = 3f;

    /// <summary>The score a word one or two edits away adds in the typo-tolerant retry (BM25 scores of real matches are ~5-30).</summary>
    public float TypoWeight { get; init; } = 0.3f;

    /// <summary>Queries of up to this many words must match every word; a longer query matches articles that miss
    /// <see cref="MissingWords"/> of them.</summary>
    public int AllWordsUpTo { get; init; } = 2;

    /// <summary>A longer query (<see cref="AllWordsUpTo"/>) also finds articles that miss <see cref="MissingWords"/>
    /// of its words only when fewer articles than this have every word; 0: always.</summary>
    public int MissingWordsBelow { get; init; } = 1000;

    /// <summary>A word in more than this share of the articles is common: an article that may miss a word of a longer
    /// query must still have one of its uncommon words.</summary>
    public float CommonShare { get; init; } = 0.02f;

    /// <summary>How many words of a longer query (<see cref="AllWordsUpTo"/>) an article may miss.</summary>
    public int MissingWords { get; init; } = 1;

    /// <summary>When fewer articles than this have every word of a query that lets an article miss one, those come
    /// first (<see cref="AllWordsFirstQuery"/>); 0 or 1: never.</summary>
    public int AllWordsFirstBelow { get; init; } = 10;

    /// <summary>The weight of each searched field, by field name.</summary>
    public IReadOnlyDictionary<string, float> FieldWeights => new Dictionary<string, float>
    {
        [ArticleFields.Title] = TitleWeight,
        [ArticleFields.Body] = BodyWeight,
        [ArticleFields.Caption] = CaptionWeight,
    };
}
