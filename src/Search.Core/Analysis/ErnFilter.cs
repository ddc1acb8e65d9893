using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// After a word of six letters or more that ends in -ern, adds the word once more at the same position, with the same
/// offsets, kept from the stemmer: "Konzern" is indexed as konz and as konzern. Lucene's GermanLightStemmer takes -ern
/// for the ending of a dative plural ("Kindern" → kind, as "Kinder"), but where it belongs to the word it cuts the word
/// apart from its own inflections: "Konzern" → konz but "Konzerne" and "Konzernen" → konzern, "modern" → mod but
/// "moderne" → modern, likewise "intern", "Bayern", "Ostern". The stemmer cannot tell the two, so both forms are kept:
/// "Konzern" finds "Konzerne", and "Kindern" still finds "Kinder". The added form is typed
/// <see cref="GermanNewsAnalyzer.OtherFormType"/> (a compound part stays a part), so a query takes it as another form of
/// the word before it.
/// </summary>
/// <remarks>Runs after <see cref="GenitiveFilter"/> ("des Konzerns" → konzern) and before the stemmer, which skips the
/// added form (it is marked a keyword).</remarks>
public sealed class ErnFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private readonly IKeywordAttribute _keyword;
    private State? _pending;

    public ErnFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pending);
            _pending = null;
            _position.PositionIncrement = 0;
            _keyword.IsKeyword = true;
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

        // The stemmer's own test (GermanLightStemmer.Step1), on a word it would stem.
        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (word.Length > 5 && word.EndsWith("ern") && !_keyword.IsKeyword)
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
