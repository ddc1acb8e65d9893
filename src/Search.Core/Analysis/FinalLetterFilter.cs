using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

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
/// insel, "Mitteln" as mittel, "Nachbarn" as nachbar, "Herrn" as herr; the stemmer drops a final n only after an e, so "Regeln" did not find
/// "Regel" (in the real corpus 99 such pairs in -eln occur both ways, Regel/Regeln alone 2,240 times). The n may be
/// the word's own: "einzeln" still finds "einzelne", "Ungarn" "Ungarns".</item>
/// </list>
/// Keeping the word whole as well serves both readings, and a query word ending so matches either form (the query
/// analyser adds the form too, and the query takes either): "Auto" finds "Autos", "Autos" finds "Auto", and "seriös"
/// still finds "seriöse". The added form is typed <see cref="GermanNewsAnalyzer.OtherFormType"/> (a compound part stays
/// a part), so a query can take it as another form of the word before it rather than as a part of it.
/// </summary>
public sealed class FinalLetterFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private State? _pending;

    public FinalLetterFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pending);
            _pending = null;
            _term.Length--;
            _position.PositionIncrement = 0;
            if (_type.Type != CompoundSplitFilter.PartType)
            {
                _type.Type = GermanNewsAnalyzer.OtherFormType;
            }

            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (word.Length >= 5 && word[^1] switch
            {
                's' => word[^2] is 'a' or 'o' or 'i' or 'y' or 'p' or 'w' or 'c' && !word.EndsWith("nis"),
                'n' => word.EndsWith("eln") || word.EndsWith("arn") || word.EndsWith("rrn"),
                _ => false,
            })
        {
            _pending = CaptureState();
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
    }
}
