using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Search.Core.Storage;

/// <summary>
/// A file, or a slice of a compound file, read straight from its memory map (see <see cref="MappedDirectory"/>).
/// Integers are big-endian and varints as Lucene writes them; reading past the end throws
/// <see cref="EndOfStreamException"/>, as Lucene expects. Every read, seek and clone of a released file (its owner,
/// slicer or directory disposed) throws <see cref="ObjectDisposedException"/>, as Lucene's own MMapDirectory does,
/// instead of reading unmapped memory: one more load and compare of the shared file's flag per read.
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;
    private bool _owner;

    /// <param name="description">Names the file (and slice) in errors.</param>
    /// <param name="file">The mapped file.</param>
    /// <param name="offset">Where this input starts in the file.</param>
    /// <param name="length">How many bytes it reads.</param>
    /// <param name="owner">True for the input that opened the file: disposing it releases the file.</param>
    public MappedInput(string description, MappedFile file, long offset, long length, bool owner)
        : base(description)
    {
        _file = file;
        _start = file.Start + offset;
        _length = length;
        _owner = owner;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override byte ReadByte()
    {
        // The flag first: a volatile read, which later loads may not move before, so the position is read once.
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        var position = _position;
        if (position >= _length)
        {
            throw PastEnd();
        }

        _position = position + 1;
        return _start[position];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        var position = _position;
        if (len > _length - position)
        {
            throw PastEnd();
        }

        new ReadOnlySpan<byte>(_start + position, len).CopyTo(b.AsSpan(offset, len));
        _position = position + len;
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    public override int ReadVInt32()
    {
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        var position = _position;
        if (_length - position < 5)
        {
            return base.ReadVInt32(); // Near the end: byte by byte, so a damaged file throws past its end.
        }

        var p = _start + position;
        int b = p[0];
        var value = b & 0x7F;
        var read = 1;
        for (var shift = 7; b > 0x7F && shift <= 21; shift += 7)
        {
            b = p[read++];
            value |= (b & 0x7F) << shift;
        }

        if (b > 0x7F)
        {
            // The fifth byte holds the top 4 bits.
            b = p[read++];
            if ((b & 0xF0) != 0)
            {
                throw new IOException($"Invalid VInt32 detected (too many bits): {this}");
            }

            value |= b << 28;
        }

        _position = position + read;
        return value;
    }

    public override long ReadVInt64()
    {
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        var position = _position;
        if (_length - position < 9)
        {
            return base.ReadVInt64();
        }

        var p = _start + position;
        long b = p[0];
        var value = b & 0x7F;
        var read = 1;
        for (var shift = 7; b > 0x7F && shift <= 56; shift += 7)
        {
            b = p[read++];
            value |= (b & 0x7F) << shift;
        }

        if (b > 0x7F)
        {
            throw new IOException($"Invalid VInt64 detected (negative values disallowed): {this}");
        }

        _position = position + read;
        return value;
    }

    public override void SkipBytes(long numBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numBytes);
        Seek(_position + numBytes);
    }

    public override void Seek(long pos)
    {
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        if (pos > _length)
        {
            throw new EndOfStreamException($"seek past EOF ({pos} > {_length}): {this}");
        }

        _position = pos;
    }

    public override object Clone()
    {
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        var clone = (MappedInput)base.Clone();
        clone._owner = false;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _owner)
        {
            _file.Dispose();
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_file.Released)
        {
            throw ReleasedFile();
        }

        var position = _position;
        if (count > _length - position)
        {
            throw PastEnd();
        }

        _position = position + count;
        return new ReadOnlySpan<byte>(_start + position, count);
    }

    private EndOfStreamException PastEnd() => new($"read past EOF: {this}");

    private ObjectDisposedException ReleasedFile() =>
        new(ToString(), "This index file was closed (the input that opened it, its compound file or its directory was disposed); clones and slices cannot read it any more.");
}
