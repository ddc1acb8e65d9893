using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Keeps a word written with dots between letters ("St.Wendel", "zeit.de", "z.B") and adds each of its dotted parts
/// at the same position with the part's own offsets, so "Wendel" finds "St.Wendel". The standard tokenizer (Unicode
/// word breaks) keeps such words whole, and a reader rarely types them that way.
/// </summary>
public sealed class DottedWordFilter : TokenFilter
{
    /// <summary>The token type of a part of a dotted word.</summary>
    public const string PartType = "<DOTTED_PART>";

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly Queue<(string Text, int Start)> _pending = new();
    private State? _word;
    private int _wordStart;

    public DottedWordFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            RestoreState(_word);
            var (text, start) = _pending.Dequeue();
            _term.SetEmpty().Append(text);
            _position.PositionIncrement = 0;
            _offset.SetOffset(_wordStart + start, _wordStart + start + text.Length);
            _type.Type = PartType;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        // Offsets must span exactly the term's characters for the parts' offsets to be right (no char filter changed its length).
        if (word.Contains('.') && _offset.EndOffset - _offset.StartOffset == word.Length)
        {
            var parts = new List<(string, int)>();
            foreach (var range in word.Split('.'))
            {
                var part = word[range];
                if (part.ContainsAnyExceptInRange('0', '9') && !part.IsEmpty)
                {
                    parts.Add((new string(part), range.Start.Value));
                }
            }

            if (parts.Count > 1)
            {
                foreach (var part in parts)
                {
                    _pending.Enqueue(part);
                }

                _word = CaptureState();
                _wordStart = _offset.StartOffset;
            }
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
