using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Puts <see cref="Marker"/> before every compound part (after stemming, so parts stem like words), which keeps
/// parts apart from whole words in the same field: a query can weigh "impfstoff" as a word above "impfstoff" as
/// part of "impfstoffhersteller", and a part never turns up as a whole-word match.
/// </summary>
public sealed class CompoundPartMarkFilter : TokenFilter
{
    /// <summary>The first character of a compound part's term. Query text cannot produce it: the tokenizer drops it.</summary>
    public const char Marker = '\u00a7';

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public CompoundPartMarkFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>The term under which a word is indexed when it occurs as part of a compound.</summary>
    public static string PartTerm(string term) => Marker + term;

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_type.Type == CompoundSplitFilter.PartType)
        {
            var text = _term.ToString();
            _term.SetEmpty().Append(Marker).Append(text);
        }

        return true;
    }
}
