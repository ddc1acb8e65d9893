using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// After a word whose ending the stemmer cuts though it may be the word's own (-ern in six letters or more, -em in
/// five or more), adds the word once more at the same position, with the same offsets, kept from the stemmer:
/// "Konzern" is indexed as konz and as konzern, "Problem" as probl and as problem. Lucene's GermanLightStemmer takes
/// -ern for the ending of a dative plural ("Kindern" → kind, as "Kinder") and -em for a dative ("großem" → gross), but
/// where it belongs to the word it cuts the word apart from its own inflections: "Konzern" → konz but "Konzerne" and
/// "Konzernen" → konzern, "modern" → mod but "moderne" → modern, "Problem" → probl but "Probleme" → problem, "System"
/// → syst but "Systeme" → system. The stemmer cannot tell the two, so both forms are kept: "Konzern" finds
/// "Konzerne", "Problem" finds "Probleme", and "Kindern" still finds "Kinder".
/// </summary>
/// <remarks>Runs after <see cref="GenitiveFilter"/> ("des Konzerns" → konzern, "des Systems" → system) and before the
/// stemmer, which skips the added form (it is marked a keyword).</remarks>
public sealed class OwnEndingFilter : OtherFormFilter
{
    private readonly IKeywordAttribute _keyword;

    public OwnEndingFilter(TokenStream input)
        : base(input) => _keyword = AddAttribute<IKeywordAttribute>();

    // The stemmer's own tests (GermanLightStemmer.Step1), on a word it would stem.
    protected override bool HasOtherForm(ReadOnlySpan<char> word) =>
        !_keyword.IsKeyword && ((word.Length > 5 && word.EndsWith("ern")) || (word.Length > 4 && word.EndsWith("em")));

    // The word itself, which the stemmer leaves as it is.
    protected override void ToOtherForm() => _keyword.IsKeyword = true;
}
