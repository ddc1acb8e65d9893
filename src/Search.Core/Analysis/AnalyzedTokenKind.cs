namespace Search.Core.Analysis;

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
