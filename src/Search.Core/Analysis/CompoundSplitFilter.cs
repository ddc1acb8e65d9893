using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Keeps every word and, after a compound written capitalised (a noun), adds its parts (<see cref="CompoundSplitter.Split"/>) at the same
/// position and with the compound's offsets, typed <see cref="PartType"/> so that <see cref="CompoundPartMarkFilter"/>
/// can tell them from whole words after stemming. A highlighter marking a part therefore marks the whole compound.
/// </summary>
public sealed class CompoundSplitFilter(TokenStream input, CompoundSplitter splitter) : WordPartsFilter(input, PartType, partOffsets: false)
{
    /// <summary>The token type of a compound part.</summary>
    public const string PartType = "<COMPOUND_PART>";

    protected override IReadOnlyList<(int Start, int Length)> Parts(ReadOnlySpan<char> word) =>
        TokenType == CapitalizedMarkFilter.CapitalizedType ? splitter.Split(word) : [];
}

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

/// <summary>Types a token <see cref="CapitalizedType"/> when it starts with an upper-case letter (German nouns do).</summary>
public sealed class CapitalizedMarkFilter : TokenFilter
{
    /// <summary>The token type of a word written with a capital first letter.</summary>
    public const string CapitalizedType = "<CAPITALIZED>";

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public CapitalizedMarkFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_term.Length > 0 && char.IsUpper(_term.Buffer[0]))
        {
            _type.Type = CapitalizedType;
        }

        return true;
    }
}
