namespace Search.Core.Corpus;

/// <summary>
/// Splits a byte stream into lines without decoding it, so each line can be checked (UTF-8, length) and a bad
/// line skipped on its own. Lines longer than the cap are not buffered: they are read to their end and
/// reported by length only.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private byte[] _line = new byte[1 << 14];

    /// <summary>The first bytes of the stream held a NUL byte: this is a binary file, not text.</summary>
    public bool LooksBinary { get; private set; }

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
            if (_start == _end)
            {
                if (_eof || !Fill())
                {
                    line = kept > 0 && length <= maxLineBytes ? Trim(_line.AsSpan(0, kept)) : [];
                    return sawAnything;
                }
            }

            sawAnything = true;
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            var chunk = newline < 0 ? available : available[..newline];
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
            if (newline >= 0)
            {
                _start++;
                line = length <= maxLineBytes ? Trim(_line.AsSpan(0, kept)) : [];
                return true;
            }
        }
    }

    private bool Fill()
    {
        var first = _end == 0 && _start == 0;
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
        {
            _eof = true;
            return false;
        }

        if (first)
        {
            LooksBinary = _buffer.AsSpan(0, _end).Contains((byte)0);
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }

        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.EndsWith("\r"u8) ? line[..^1] : line;
}
