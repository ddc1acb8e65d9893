using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>The terms the index makes of a text, in order.</summary>
public sealed record AnalyzeResponse(
    [property: Description("The text as sent.")] string Text,
    [property: Description("Each term the index makes of the text, in order; stopwords make none.")] IReadOnlyList<AnalyzedTermResponse> Terms);

/// <summary>One term the index makes of a text.</summary>
public sealed record AnalyzedTermResponse(
    [property: Description("The term as the index holds it: folded (ä → a, ß → ss), lowercase, stemmed; a compound part starts with §.")] string Term,
    [property: Description("The text it stands for: the whole compound for a part, both words for a joined word.")] string Text,
    [property: Description("Where that text starts in the sent text, in UTF-16 code units.")] int Start,
    [property: Description("Where it ends (exclusive).")] int End,
    [property: Description("The word's position; terms standing for the same word share it, and a stopword leaves a gap.")] int Position,
    [property: Description("word; compound_part (the index splits the compound with the dictionary it learned from its corpus); joined (two words the corpus also writes as one); other_form (the word without an ending the stemmer cannot judge); dotted_part (a part of a word written with dots).")] string Kind);
