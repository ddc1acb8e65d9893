using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing;

/// <summary>
/// The tokens an analyzer made of one field's text, replayed as a token stream: what the index writer reads of a
/// token (term, position increment, offsets, and the final ones after the end), nothing else. Lets the analysis of an
/// article run on other threads than the one that writes it into the index.
/// </summary>
internal sealed class RecordedTokens : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private char[] _chars = new char[256];
    private int _charCount;
    // Per token: where its term ends in _chars, its position increment, start and end offset.
    private int[] _tokens = new int[4 * 64];
    private int _count;
    private int _next;
    private int _finalIncrement;
    private int _finalStart;
    private int _finalEnd;

    private RecordedTokens()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> as the index writer would for <paramref name="field"/>.</summary>
    public static RecordedTokens Of(Analyzer analyzer, string field, string text)
    {
        var recorded = new RecordedTokens();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            recorded.Add(term.Buffer.AsSpan(0, term.Length), increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        }

        stream.End();
        (recorded._finalIncrement, recorded._finalStart, recorded._finalEnd) = (increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        return recorded;
    }

    public override bool IncrementToken()
    {
        if (_next == _count)
        {
            return false;
        }

        ClearAttributes();
        var token = 4 * _next;
        var start = _next == 0 ? 0 : _tokens[token - 4];
        _term.CopyBuffer(_chars, start, _tokens[token] - start);
        _increment.PositionIncrement = _tokens[token + 1];
        _offset.SetOffset(_tokens[token + 2], _tokens[token + 3]);
        _next++;
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _finalIncrement;
        _offset.SetOffset(_finalStart, _finalEnd);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    private void Add(ReadOnlySpan<char> term, int increment, int start, int end)
    {
        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(2 * _chars.Length, _charCount + term.Length));
        }

        if (4 * (_count + 1) > _tokens.Length)
        {
            Array.Resize(ref _tokens, 2 * _tokens.Length);
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _charCount += term.Length;
        var token = 4 * _count++;
        (_tokens[token], _tokens[token + 1], _tokens[token + 2], _tokens[token + 3]) = (_charCount, increment, start, end);
    }
}
