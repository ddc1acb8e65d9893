using K4os.Compression.LZ4;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Stored-field compression with the standard LZ4 block format (K4os.Compression.LZ4): each chunk is written as its
/// compressed length and the LZ4 block, and decoded in one call from a buffer, at memory speed.
/// </summary>
internal sealed class Lz4BlockCompression : CompressionMode
{
    public override Compressor NewCompressor() => new BlockCompressor();

    public override Decompressor NewDecompressor() => new BlockDecompressor();

    public override string ToString() => "LZ4 block (K4os)";

    private sealed class BlockCompressor : Compressor
    {
        private byte[] _buffer = [];

        public override void Compress(byte[] bytes, int off, int len, DataOutput @out)
        {
            var room = LZ4Codec.MaximumOutputSize(len);
            if (_buffer.Length < room)
            {
                _buffer = new byte[ArrayUtil.Oversize(room, 1)];
            }

            var written = len == 0 ? 0 : LZ4Codec.Encode(bytes.AsSpan(off, len), _buffer.AsSpan(0, room), LZ4Level.L00_FAST);
            if (written < 0)
            {
                throw new InvalidOperationException($"LZ4 could not compress a stored-fields chunk of {len} bytes.");
            }

            @out.WriteVInt32(written);
            @out.WriteBytes(_buffer, 0, written);
        }
    }

    private sealed class BlockDecompressor : Decompressor
    {
        private byte[] _compressed = [];

        public override void Decompress(DataInput @in, int originalLength, int offset, int length, BytesRef bytes)
        {
            var size = @in.ReadVInt32();
            if (size < 0 || size > LZ4Codec.MaximumOutputSize(originalLength))
            {
                throw new CorruptIndexException($"Corrupted: an LZ4 block of {size} bytes cannot hold {originalLength} bytes (resource={@in})");
            }

            if (_compressed.Length < size)
            {
                _compressed = new byte[ArrayUtil.Oversize(size, 1)];
            }

            @in.ReadBytes(_compressed, 0, size);
            if (bytes.Bytes.Length < originalLength)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength, 1)];
            }

            var decoded = size == 0 ? 0 : LZ4Codec.Decode(_compressed.AsSpan(0, size), bytes.Bytes.AsSpan(0, originalLength));
            if (decoded != originalLength)
            {
                throw new CorruptIndexException($"Corrupted: lengths mismatch: {decoded} != {originalLength} (resource={@in})");
            }

            bytes.Offset = offset;
            bytes.Length = length;
        }

        // Each reader clone (one per thread) gets its own buffer.
        public override object Clone() => new BlockDecompressor();
    }
}
