using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

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
