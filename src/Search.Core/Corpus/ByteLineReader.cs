namespace Search.Core.Corpus;

/// <summary>
/// Splits a byte stream into lines without decoding it, so each line can be checked (UTF-8, length) and a bad
/// line skipped on its own. A line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c> (JSON text never holds a raw
/// <c>\r</c>, so old Mac line endings cannot split an article). Lines longer than the cap are not buffered: they are
/// read to their end and reported by length only.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _skipLineFeed;
    private byte[] _line = new byte[1 << 14];

    /// <summary>The last line read ended with a line break (false for a last line cut off by the end of the stream).</summary>
    public bool LineEnded { get; private set; }

    /// <summary>Reads the next line (without its line break and a leading BOM); false at the end.</summary>
    /// <param name="line">The line's bytes, valid until the next call; empty when the line was too long.</param>
    /// <param name="length">The line's full length in bytes, also when it was too long to keep.</param>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out long length)
    {
        var kept = 0;
        length = 0;
        var sawAnything = false;
        while (true)
        {
            if (_start == _end && (_eof || !Fill()))
            {
                LineEnded = false;
                line = kept > 0 && length <= maxLineBytes ? _line.AsSpan(0, kept) : [];
                return sawAnything;
            }

            if (_skipLineFeed)
            {
                // The \n of a \r\n that straddled two reads.
                _skipLineFeed = false;
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            sawAnything = true;
            var available = _buffer.AsSpan(_start, _end - _start);
            var lineBreak = available.IndexOfAny((byte)'\n', (byte)'\r');
            var chunk = lineBreak < 0 ? available : available[..lineBreak];
            length += chunk.Length;
            if (length <= maxLineBytes)
            {
                if (kept + chunk.Length > _line.Length)
                {
                    Array.Resize(ref _line, Math.Min(Math.Max(_line.Length * 2, kept + chunk.Length), maxLineBytes));
                }

                chunk.CopyTo(_line.AsSpan(kept));
                kept += chunk.Length;
            }

            _start += chunk.Length;
            if (lineBreak >= 0)
            {
                var carriageReturn = _buffer[_start] == (byte)'\r';
                _start++;
                if (carriageReturn)
                {
                    if (_start < _end)
                    {
                        _start += _buffer[_start] == (byte)'\n' ? 1 : 0;
                    }
                    else
                    {
                        _skipLineFeed = true;
                    }
                }

                LineEnded = true;
                line = length <= maxLineBytes ? _line.AsSpan(0, kept) : [];
                return true;
            }
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
        {
            _eof = true;
            return false;
        }

        if (!_started)
        {
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
                return _start < _end || Fill();
            }
        }

        return true;
    }
}
