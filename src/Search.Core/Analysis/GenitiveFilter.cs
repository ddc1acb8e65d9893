using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Drops the genitive s of a word that ends in -ers, -ors, -ars, -irs, -hrs, -eurs, -ems or -erns ("des Bürgermeisters"
/// → bürgermeister, "des Direktors" → direktor, "des Verkehrs" → verkehr, "des Regisseurs" → regisseur, "des Systems"
/// → system, "des Konzerns" → konzern), before the light stemmer, which then stems the word as it stems it without the
/// s. Lucene's GermanLightStemmer removes a final s only
/// after b, d, f, g, h, k, l, m, n or t, and only when no other ending applies, so "Bürgermeisters" stayed a word of its
/// own, and "Systems" lost its s where "System" lost its -em: neither found the other. In the real corpus 2,750 of the
/// 3,352 words in -ers have their form without the s beside them, 125 of 163 in -ems and 128 of 150 in -erns.
/// Snowball's German stemmer counts r among the s-ending letters. Left alone: short words, -urs (Kurs, Konkurs,
/// Diskurs: their s belongs to the word, as "Kurse" shows) and -vers (kontrovers, divers).
/// </summary>
public sealed class GenitiveFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public GenitiveFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (word.Length > 5 && word[^1] == 's' && (Genitive(word) || (word.Length > 6 && (word.EndsWith("ems") || word.EndsWith("erns")))))
        {
            _term.Length--;
        }

        return true;
    }

    private static bool Genitive(ReadOnlySpan<char> word) =>
        word[^2] == 'r' && (word[^3] is 'e' or 'o' or 'a' or 'i' or 'h' || word.EndsWith("eurs")) && !word.EndsWith("vers");
}
