using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// After a word of five letters or more that ends in a vowel and s (-as, -os, -is, -ys) or in p, w or c and s (-ps, -ws,
/// -cs), adds the word without its s at the same position, with the same offsets and type: "Autos" is also indexed as
/// auto, "Chinas" as china, "Handys" as handy, "Profis" as profi, "Trumps" as trump, "Tipps" as tipp, "Interviews" as
/// interview, "Comics" as comic. The light stemmer keeps an s after these letters, because it cannot tell a plural or
/// genitive from a word whose s is its own (Chaos, Preis, seriös, Kollaps); keeping the word whole as well serves both, and a query word
/// ending so matches either form (the query analyser adds the form too, and the query takes either): "Auto" finds
/// "Autos", "Autos" finds "Auto", and "seriös" still finds "seriöse". Left out: -us (Klaus would meet klauen) and -nis
/// (Ergebnis: no word without the s). The added form is typed <see cref="GermanNewsAnalyzer.OtherFormType"/> (a compound part stays a part),
/// so a query can take it as another form of the word before it rather than as a part of it.
/// </summary>
public sealed class FinalSFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private State? _pending;

    public FinalSFilter(TokenStream input)
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
        if (word.Length >= 5 && word[^1] == 's' && word[^2] is 'a' or 'o' or 'i' or 'y' or 'p' or 'w' or 'c' && !word.EndsWith("nis"))
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
