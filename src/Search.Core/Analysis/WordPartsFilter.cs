using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Keeps every word and, after it, adds the parts <see cref="Parts"/> finds in it, at the word's position (position
/// increment 0) and typed as parts: with the word's offsets, or each with its own.
/// </summary>
public abstract class WordPartsFilter : TokenFilter
{
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly Queue<(string Text, int Start)> _pending = new();
    private readonly string _partType;
    private readonly bool _partOffsets;
    private State? _word;
    private int _wordStart;

    /// <param name="input">The words.</param>
    /// <param name="partType">The token type of a part.</param>
    /// <param name="partOffsets">True: each part gets the offsets of its own characters (the word's term must span
    /// exactly its characters in the text); false: every part gets the word's offsets.</param>
    protected WordPartsFilter(TokenStream input, string partType, bool partOffsets)
        : base(input)
    {
        _partType = partType;
        _partOffsets = partOffsets;
        Term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>The current token's term.</summary>
    protected ICharTermAttribute Term { get; }

    /// <summary>The current token's type.</summary>
    protected string TokenType => _type.Type;

    /// <summary>The current token's length in the text (end offset minus start offset).</summary>
    protected int TextLength => _offset.EndOffset - _offset.StartOffset;

    /// <summary>The parts of the current word, as ranges of its term; none to keep it as it is.</summary>
    protected abstract IReadOnlyList<(int Start, int Length)> Parts(ReadOnlySpan<char> word);

    public sealed override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_word);
            var (text, start) = _pending.Dequeue();
            Term.SetEmpty().Append(text);
            _position.PositionIncrement = 0;
            _type.Type = _partType;
            if (_partOffsets)
            {
                _offset.SetOffset(_wordStart + start, _wordStart + start + text.Length);
            }

            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = Term.Buffer.AsSpan(0, Term.Length);
        var parts = Parts(word);
        if (parts.Count > 0)
        {
            foreach (var (start, length) in parts)
            {
                _pending.Enqueue((new string(word.Slice(start, length)), start));
            }

            _word = CaptureState();
            _wordStart = _offset.StartOffset;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _word = null;
    }
}
