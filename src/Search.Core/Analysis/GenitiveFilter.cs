using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Drops the genitive s of a word that ends in -ers, -ors, -ars or -irs ("des Bürgermeisters" → bürgermeister, "des
/// Direktors" → direktor), before the light stemmer. Lucene's GermanLightStemmer removes a final s only after b, d, f,
/// g, h, k, l, m, n or t, so "Bürgermeisters" stayed a word of its own and "Bürgermeister" did not find it: in the real
/// corpus 2,750 of the 3,352 words in -ers have their form without the s beside them. Snowball's German stemmer counts r
/// among those letters. Left alone: words of five letters or fewer, -urs (Kurs, Konkurs, Diskurs: their s belongs to
/// the word, as "Kurse" shows) and -vers (kontrovers, divers).
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
        if (word.Length > 5 && word[^1] == 's' && word[^2] == 'r' && word[^3] is 'e' or 'o' or 'a' or 'i' && !word.EndsWith("vers"))
        {
            _term.Length--;
        }

        return true;
    }
}
