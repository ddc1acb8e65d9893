using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Search.Core.Documents;

namespace Search.Core.Corpus;

/// <summary>
/// Reads JSON Lines (<c>.jsonl</c>, or gzip'ed <c>.jsonl.gz</c>): one article per line with the keys
/// <c>id</c>, <c>date</c>, <c>title</c>, <c>body</c> and optionally <c>source</c>, <c>url</c>, <c>caption</c>.
/// A bad line is skipped with its line number; the rest of the file is still read.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>The longest line read, in bytes; a longer one is skipped with its length. Bodies of several MB fit.</summary>
    public const int MaxLineBytes = 32 * 1024 * 1024;

    public static IEnumerable<CorpusRecord> Read(string path) => Read(new InputFile(path));

    public static IEnumerable<CorpusRecord> Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.Path;
        var gzipped = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var stream = file.Open();
        using var text = new CountingReadStream(gzipped ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        var lines = new ByteLineReader(text, MaxLineBytes);

        var lineNumber = 0;
        var sawContent = false;
        while (true)
        {
            CorpusRecord? record = null;
            string? failure = null;
            try
            {
                if (!lines.TryReadLine(out var line, out var length))
                {
                    break;
                }

                lineNumber++;
                if (lines.LooksBinary)
                {
                    failure = "binary file, not JSON Lines text";
                }
                else if (length > MaxLineBytes)
                {
                    sawContent = true;
                    record = CorpusRecord.Skipped($"{path}:{lineNumber}", $"line of {length:N0} bytes is longer than the cap of {MaxLineBytes:N0} bytes");
                }
                else if (!line.Trim(" \t"u8).IsEmpty)
                {
                    sawContent = true;
                    record = Utf8.IsValid(line)
                        ? ParseLine(line, $"{path}:{lineNumber}")
                        : CorpusRecord.Skipped($"{path}:{lineNumber}", "not valid UTF-8 text; save the file as UTF-8");
                }
            }
            catch (InvalidDataException)
            {
                lineNumber++;
                failure = "not a valid gzip stream (truncated or corrupt); the articles before this line were read";
            }

            if (failure is not null)
            {
                yield return CorpusRecord.Skipped(lineNumber == 1 ? path : $"{path}:{lineNumber}", failure);
                yield break;
            }

            if (record is not null)
            {
                yield return record;
            }
        }

        if (gzipped && !EndsWithTrailerOf(path, text.BytesRead))
        {
            yield return CorpusRecord.Skipped($"{path}:{lineNumber + 1}",
                "the gzip data ends early or is corrupt (its length check failed); the articles before this line were read");
        }
        else if (!sawContent)
        {
            yield return CorpusRecord.Skipped(path, "empty file");
        }
    }

    // .NET's GZipStream just stops at a truncated file. The last four bytes of a gzip file hold the uncompressed
    // length modulo 2^32, so comparing them with what was decompressed tells a cut-off file from a whole one.
    private static bool EndsWithTrailerOf(string path, long decompressedBytes)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 18)
        {
            return false;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)decompressedBytes;
    }

    /// <summary>Parses one JSON line; <paramref name="location"/> names it in skip reasons.</summary>
    public static CorpusRecord ParseLine(string line, string location) => ParseLine(Encoding.UTF8.GetBytes(line), location);

    /// <summary>Parses one JSON line given as UTF-8 bytes.</summary>
    public static CorpusRecord ParseLine(ReadOnlySpan<byte> line, string location)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16 });
        JsonDocument json;
        try
        {
            json = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                json.Dispose();
                return CorpusRecord.Skipped(location, "not valid JSON (more than one value on the line)");
            }
        }
        catch (JsonException e)
        {
            return CorpusRecord.Skipped(location, $"not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ')})");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return CorpusRecord.Skipped(location, "expected a JSON object with id, date, title and body");
            }

            var root = json.RootElement;
            string? id = null, title = null, body = null, date = null, source = null, url = null, caption = null;
            var problem = RequiredText(root, "id", ref id)
                ?? RequiredText(root, "title", ref title)
                ?? RequiredText(root, "body", ref body)
                ?? RequiredText(root, "date", ref date)
                ?? OptionalText(root, "source", ref source)
                ?? OptionalText(root, "url", ref url)
                ?? OptionalText(root, "caption", ref caption);
            if (problem is not null)
            {
                return CorpusRecord.Skipped(location, problem);
            }

            if (!ArticleDate.IsValid(date))
            {
                return CorpusRecord.Skipped(location, $"impossible date '{date}'; expected YYYY-MM-DD or YYYY-MM");
            }

            var article = new NewsArticle(id!.Trim(), title!.Trim(), date!, SeedFileReader.NormaliseParagraphs(body!), caption, source, url);
            return CorpusRecord.Found(location, article);
        }
    }

    private static string? RequiredText(JsonElement root, string key, ref string? value)
    {
        if (!root.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return $"missing '{key}'";
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"'{key}' must be a string, not {element.ValueKind.ToString().ToLowerInvariant()}";
        }

        value = element.GetString();
        return string.IsNullOrWhiteSpace(value) ? $"empty '{key}'" : null;
    }

    private static string? OptionalText(JsonElement root, string key, ref string? value)
    {
        if (!root.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"'{key}' must be a string, not {element.ValueKind.ToString().ToLowerInvariant()}";
        }

        var text = element.GetString()?.Trim();
        value = string.IsNullOrEmpty(text) ? null : text;
        return null;
    }
}
