using System.Buffers.Binary;
using System.IO.Compression;

namespace Search.Core.Corpus;

/// <summary>
/// Tells a cut-off gzip file from a whole one, which .NET's GZipStream does not: it just stops at a truncated file. The
/// last four bytes of a gzip file hold the uncompressed length modulo 2^32 of its last member, so comparing them with
/// what was decompressed tells the two apart. Files joined with cat hold several members: then the last member alone
/// must match.
/// </summary>
internal static class GzipTrailer
{
    /// <summary>Whether the gzip file at <paramref name="path"/> is whole, given the bytes decompressed from it.</summary>
    public static bool IsWhole(string path, long decompressedBytes)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 18)
        {
            return false;
        }

        var expected = Trailer(file);
        return expected == (uint)decompressedBytes || LastMemberIsWhole(file, expected);
    }

    private static uint Trailer(FileStream file)
    {
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    // Tries each place a gzip member could start (magic bytes 1f 8b 08), last first: the file is whole when the
    // member from there to the end decompresses to exactly the length its trailer records.
    private static bool LastMemberIsWhole(FileStream file, uint expected)
    {
        var starts = new List<long>();
        var buffer = new byte[1 << 16];
        file.Seek(0, SeekOrigin.Begin);
        long offset = 0;
        int read;
        while ((read = file.Read(buffer, 2, buffer.Length - 2)) > 0)
        {
            for (var i = 2; i < read + 2; i++)
            {
                if (buffer[i - 2] == 0x1f && buffer[i - 1] == 0x8b && buffer[i] == 0x08 && offset + i - 4 > 0)
                {
                    starts.Add(offset + i - 4);
                }
            }

            buffer[0] = buffer[read];
            buffer[1] = buffer[read + 1];
            offset += read;
        }

        foreach (var start in Enumerable.Reverse(starts))
        {
            file.Seek(start, SeekOrigin.Begin);
            try
            {
                using var member = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                long length = 0;
                while ((read = member.Read(buffer)) > 0)
                {
                    length += read;
                }

                if ((uint)length == expected && file.Position == file.Length)
                {
                    return true;
                }
            }
            catch (InvalidDataException)
            {
                // Not a member start after all: the magic bytes occurred inside compressed data.
            }
        }

        return false;
    }
}
