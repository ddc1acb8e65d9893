using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>
/// Adds a word without its final letter, at the same position, with the same offsets and type, where the light stemmer
/// keeps a plural or genitive ending that may as well be the word's own:
/// <list type="bullet">
/// <item>an s after a vowel, p, w or c, in words of five letters or more (-as, -os, -is, -ys, -ps, -ws, -cs): "Autos"
/// is also indexed as auto, "Chinas" as china, "Handys" as handy, "Profis" as profi, "Trumps" as trump, "Tipps" as
/// tipp, "Interviews" as interview. The stemmer cannot tell these from a word whose s is its own (Chaos, Preis, seriös,
/// Kollaps). Left out: -us (Klaus would meet klauen) and -nis (Ergebnis: no word without the s).</item>
/// <item>the n of -eln, -arn and -rrn, in words of five letters or more: "Regeln" is also indexed as regel, "Inseln" as
/// insel, "Mitteln" as mittel, "Nachbarn" as nachbar, "Herrn" as herr; the stemmer drops a final n only after an e, so
/// "Regeln" did not find "Regel" (in the real corpus 99 such pairs in -eln occur both ways, Regel/Regeln alone 2,240
/// times). The n may be the word's own: "einzeln" still finds "einzelne", "Ungarn" "Ungarns".</item>
/// </list>
/// Keeping the word whole as well serves both readings, and a query word ending so matches either form (the query
/// analyser adds the form too): "Auto" finds "Autos", "Autos" finds "Auto", and "seriös" still finds "seriöse".
/// </summary>
public sealed class FinalLetterFilter(TokenStream input) : OtherFormFilter(input)
{
    protected override bool HasOtherForm(ReadOnlySpan<char> word) => word.Length >= 5 && word[^1] switch
    {
        's' => word[^2] is 'a' or 'o' or 'i' or 'y' or 'p' or 'w' or 'c' && !word.EndsWith("nis"),
        'n' => word.EndsWith("eln") || word.EndsWith("arn") || word.EndsWith("rrn"),
        _ => false,
    };

    protected override void ToOtherForm() => Term.Length--;
}
