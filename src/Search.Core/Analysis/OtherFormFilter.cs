using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Keeps every word and, after one that <see cref="HasOtherForm"/>, adds its other form (<see cref="ToOtherForm"/>) at
/// the same position, with the same offsets, typed <see cref="GermanNewsAnalyzer.OtherFormType"/> (a compound part stays
/// a part), so that a query takes it as another form of the word before it rather than as a part of it.
/// </summary>
public abstract class OtherFormFilter : TokenFilter
{
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private State? _pending;

    protected OtherFormFilter(TokenStream input)
        : base(input)
    {
        Term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>The current token's term.</summary>
    protected ICharTermAttribute Term { get; }

    /// <summary>True when the current word (its term) has another form.</summary>
    protected abstract bool HasOtherForm(ReadOnlySpan<char> word);

    /// <summary>Turns the current token, a copy of the word, into its other form.</summary>
    protected abstract void ToOtherForm();

    public sealed override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pending);
            _pending = null;
            _position.PositionIncrement = 0;
            if (_type.Type != CompoundSplitFilter.PartType)
            {
                _type.Type = GermanNewsAnalyzer.OtherFormType;
            }

            ToOtherForm();
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (HasOtherForm(Term.Buffer.AsSpan(0, Term.Length)))
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
