using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Drops the n of a plural or dative plural in -eln before the light stemmer ("Regeln" → regel, "Inseln" → insel,
/// "Mitteln" → mittel, "Artikeln" → artikel), which then stems the word as it stems it without the n. The stemmer
/// drops a final n only after an e, so "Regeln" stayed a word of its own and did not find "Regel" (in the real corpus
/// 99 such pairs occur both ways, Regel/Regeln alone 2,240 times). Verbs in -eln ("regeln", "handeln") meet their
/// nouns, which a search wants.
/// </summary>
public sealed class PluralNFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public PluralNFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_term.Length > 4 && _term.Buffer.AsSpan(0, _term.Length).EndsWith("eln"))
        {
            _term.Length--;
        }

        return true;
    }
}
