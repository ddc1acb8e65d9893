using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Core.Documents;

namespace Search.Core.Corpus;

/// <summary>
/// Reads JSON Lines (<c>.jsonl</c>, or gzip'ed <c>.jsonl.gz</c>): one article per line with the keys
/// <c>id</c>, <c>date</c>, <c>title</c>, <c>body</c> and optionally <c>source</c>, <c>url</c>, <c>caption</c>.
/// A bad line is skipped with its line number; the rest of the file is still read.
/// </summary>
public static class JsonLinesReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<CorpusRecord> Read(string path)
    {
        var gzipped = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var file = File.OpenRead(path);
        var text = new CountingReadStream(gzipped ? new GZipStream(file, CompressionMode.Decompress) : file);
        using var reader = new StreamReader(text, StrictUtf8, detectEncodingFromByteOrderMarks: true);

        var lineNumber = 0;
        var sawContent = false;
        while (true)
        {
            string? line;
            string? failure = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                line = null;
                failure = "not valid UTF-8; the rest of the file was not read";
            }
            catch (InvalidDataException)
            {
                line = null;
                failure = "not a valid gzip stream (truncated or corrupt); the rest of the file was not read";
            }
            catch (EndOfStreamException)
            {
                line = null;
                failure = "the gzip stream ends early (truncated file); the rest of the file was not read";
            }

            lineNumber++;
            if (failure is not null)
            {
                yield return CorpusRecord.Skipped($"{path}:{lineNumber}", failure);
                yield break;
            }

            if (line is null)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            sawContent = true;
            yield return ParseLine(line, $"{path}:{lineNumber}");
        }

        if (gzipped && !EndsWithTrailerOf(path, text.BytesRead))
        {
            yield return CorpusRecord.Skipped($"{path}:{lineNumber}",
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
    public static CorpusRecord ParseLine(string line, string location)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return CorpusRecord.Skipped(location, $"not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')})");
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
