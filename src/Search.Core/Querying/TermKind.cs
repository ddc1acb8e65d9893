namespace Search.Core.Querying;

/// <summary>What a part of the query text asks for.</summary>
internal enum TermKind
{
    /// <summary>A word, matched in any inflection and as part of compounds.</summary>
    Word,

    /// <summary><c>"words in this order"</c>.</summary>
    Phrase,

    /// <summary><c>Impf*</c>: every word that starts so.</summary>
    Prefix,

    /// <summary><c>Bundestg~</c> or <c>Bundestg~1</c>: the word and words one or two letters away.</summary>
    Fuzzy,
}
