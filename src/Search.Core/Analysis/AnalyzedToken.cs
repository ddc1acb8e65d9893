namespace Search.Core.Analysis;

/// <summary>One term the index makes of a text (<see cref="Querying.ArticleSearcher.Analyze"/>).</summary>
/// <param name="Term">The term as the index holds it (folded, stemmed; a compound part with a leading §).</param>
/// <param name="Text">The text it came from: the whole word for a compound part, both words for a joined one.</param>
/// <param name="Start">Where <paramref name="Text"/> starts, in UTF-16 characters of the analysed text.</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Position">The word's position; terms that stand for the same word share it.</param>
/// <param name="Kind">What made the term.</param>
public sealed record AnalyzedToken(string Term, string Text, int Start, int End, int Position, AnalyzedTokenKind Kind);

/// <summary>What made a term of the index.</summary>
public enum AnalyzedTokenKind
{
    /// <summary>A word of the text.</summary>
    Word,

    /// <summary>A part of a compound the index splits (with the dictionary it learned from its corpus): "Ferngespräch" also
    /// stands as fern and gesprach.</summary>
    CompoundPart,

    /// <summary>Two neighbouring words the corpus also writes as one: "Corona-Krise" also stands as coronakris.</summary>
    Joined,

    /// <summary>Another form of a word whose ending the stemmer cannot judge: "Autos" also stands as auto.</summary>
    OtherForm,

    /// <summary>A part of a word written with dots: "St.Wendel" also stands as st and wendel.</summary>
    DottedPart,
}
