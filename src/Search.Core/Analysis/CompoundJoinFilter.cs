using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Between two neighbouring capitalised words that the corpus also writes as one ("Corona-Krise", "Home-Office"), adds
/// that one word (coronakrise, homeoffice), at the first word's position and spanning both, so that a reader typing the
/// compound finds the articles that write it with a hyphen: in the real corpus 2,260 articles write "Coronakrise" and
/// 5,999 others "Corona-Krise". A query for the compound stays one term; searching it as its parts side by side instead
/// took a common compound ("Coronavirus") from 0.2 to 5 ms. Known words are those of the index's
/// <see cref="CompoundSplitter"/>; the added word is typed <see cref="JoinedType"/>, so it is not split again.
/// </summary>
/// <remarks>Neighbouring means one character apart (a hyphen, a slash or a space). The added word comes before the
/// second word, as Lucene wants offsets that never go back.</remarks>
public sealed class CompoundJoinFilter : TokenFilter
{
    /// <summary>The token type of the word two neighbouring words make.</summary>
    public const string JoinedType = "<JOINED>";

    private const int MaxLength = CompoundSplitter.MaxCompoundLength;

    private readonly CompoundSplitter _compounds;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _position;
    private readonly char[] _joined = new char[MaxLength];
    private int _previousLength = -1;
    private int _previousStart;
    private int _previousEnd;
    private State? _word;

    public CompoundJoinFilter(TokenStream input, CompoundSplitter compounds)
        : base(input)
    {
        _compounds = compounds;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_word is not null)
        {
            // The second word, after the word both make.
            RestoreState(_word);
            _word = null;
            Remember();
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_position.PositionIncrement == 0)
        {
            // Another form or a part of the word before: not a word of its own.
            return true;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (_previousLength > 0 && _type.Type == CapitalizedMarkFilter.CapitalizedType && _offset.StartOffset == _previousEnd + 1
            && _previousLength + word.Length <= MaxLength)
        {
            word.CopyTo(_joined.AsSpan(_previousLength));
            var joined = _joined.AsSpan(0, _previousLength + word.Length);
            if (_compounds.CountOf(joined) > 0)
            {
                _word = CaptureState();
                var end = _offset.EndOffset;
                _term.CopyBuffer(_joined, 0, joined.Length);
                _offset.SetOffset(_previousStart, end);
                _position.PositionIncrement = 0;
                _type.Type = JoinedType;
                return true;
            }
        }

        Remember();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _previousLength = -1;
        _word = null;
    }

    // The current word as the first of a pair: a capitalised one, or none.
    private void Remember()
    {
        if (_type.Type == CapitalizedMarkFilter.CapitalizedType && _term.Length < MaxLength)
        {
            _term.Buffer.AsSpan(0, _term.Length).CopyTo(_joined);
            (_previousLength, _previousStart, _previousEnd) = (_term.Length, _offset.StartOffset, _offset.EndOffset);
        }
        else
        {
            _previousLength = -1;
        }
    }
}
