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
        if (file.Size == 0)
        {
            yield return CorpusRecord.Skipped(path, "empty file");
            yield break;
        }

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
                if (gzipped && !lines.LineEnded && !GzipTrailer.IsWhole(path, text.BytesRead))
                {
                    // The last line was cut off together with the file: report the cut, not a half article.
                    failure = TruncatedGzip;
                }
                else if (lineNumber == 1 && length <= MaxLineBytes && NotJsonLinesText(line) is { } notText)
                {
                    failure = notText;
                }
                else if (length > MaxLineBytes)
                {
                    sawContent = true;
                    record = CorpusRecord.Skipped($"{path}:{lineNumber}", $"line of {length:N0} bytes is longer than the cap of {MaxLineBytes:N0} bytes");
                }
                else
                {
                    // A BOM inside the file is where two files were joined with cat; it is not part of the JSON.
                    line = line.StartsWith(Utf8Bom) ? line[Utf8Bom.Length..] : line;
                    if (!line.Trim(" \t"u8).IsEmpty)
                    {
                        sawContent = true;
                        record = Utf8.IsValid(line)
                            ? ParseLine(line, $"{path}:{lineNumber}")
                            : CorpusRecord.Skipped($"{path}:{lineNumber}", "not valid UTF-8 text; save the file as UTF-8");
                    }
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

        if (gzipped && !GzipTrailer.IsWhole(path, text.BytesRead))
        {
            yield return CorpusRecord.Skipped(lineNumber == 0 ? path : $"{path}:{lineNumber + 1}", TruncatedGzip);
        }
        else if (!sawContent)
        {
            yield return CorpusRecord.Skipped(path, "empty file");
        }
    }

    private const string TruncatedGzip = "the gzip data ends early or is corrupt (its length check failed); the articles before this line were read";

    private static ReadOnlySpan<byte> Utf8Bom => "\uFEFF"u8;

    // Decided on the first line only, so one stray byte further down costs one line, not the whole file.
    private static string? NotJsonLinesText(ReadOnlySpan<byte> firstLine)
    {
        if (firstLine.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || firstLine.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
            (firstLine.Length >= 4 && ((firstLine[0] != 0 && firstLine[1] == 0 && firstLine[3] == 0) || (firstLine[0] == 0 && firstLine[1] != 0 && firstLine[2] == 0))))
        {
            return "UTF-16 text, not UTF-8; save the file as UTF-8";
        }

        // A JSON line starts with '{'; anything else with NUL bytes or bytes that are not UTF-8 is not text at all.
        var start = firstLine.TrimStart(" \t"u8);
        return !start.StartsWith("{"u8) && (firstLine.Contains((byte)0) || !Utf8.IsValid(firstLine))
            ? "binary file, not JSON Lines text"
            : null;
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
            if (RepeatedKey(root) is { } repeated)
            {
                return CorpusRecord.Skipped(location, $"'{repeated}' is given twice; which one is meant is unclear");
            }

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

            id = id!.Trim();
            if (id.Length > MaxIdLength)
            {
                return CorpusRecord.Skipped(location, $"'id' may have at most {MaxIdLength} characters; it has {id.Length:N0}");
            }

            if (id.Any(char.IsControl))
            {
                return CorpusRecord.Skipped(location, $"'id' holds a control character (U+{(int)id.First(char.IsControl):X4}); ids are printable text");
            }

            if (source is { Length: > MaxIdLength })
            {
                return CorpusRecord.Skipped(location, $"'source' may have at most {MaxIdLength} characters; it has {source.Length:N0}");
            }

            if (!ArticleDate.IsValid(date))
            {
                return CorpusRecord.Skipped(location, $"impossible date '{date}'; expected YYYY-MM-DD or YYYY-MM");
            }

            if (!IsPlausibleYear(date))
            {
                return CorpusRecord.Skipped(location, $"date '{date}' is outside the years {MinYear}-{MaxYear}; a placeholder date?");
            }

            var article = new NewsArticle(id, title!.Trim(), date!, SeedFileReader.NormaliseParagraphs(body!), caption, source, url);
            return CorpusRecord.Found(location, article);
        }
    }

    /// <summary>The longest id (and source) accepted, the same cap as the API's writes.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The earliest year an article may carry; earlier ones are placeholders such as 0000-01-01.</summary>
    public const int MinYear = 1000;

    /// <summary>The latest year an article may carry; later ones are placeholders such as 9999-12-31.</summary>
    public const int MaxYear = 2999;

    internal static bool IsPlausibleYear(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var year) &&
        year is >= MinYear and <= MaxYear;

    private static readonly string[] Keys = ["id", "title", "body", "date", "source", "url", "caption"];

    private static string? RepeatedKey(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Keys.Contains(property.Name) && !seen.Add(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    // System.Text.Json accepts an escaped lone surrogate such as \ud800 while parsing and fails only when the
    // string is read; the article is then skipped like any other bad value rather than ending the run.
    private static string? ReadText(JsonElement element, string key, out string? value)
    {
        try
        {
            value = element.GetString();
        }
        catch (InvalidOperationException)
        {
            value = null;
            return $"'{key}' holds an invalid \\u escape (a lone surrogate such as \\ud800)";
        }

        return value is not null && value.Contains('\0', StringComparison.Ordinal) ? $"'{key}' holds a NUL character (\\u0000); binary data?" : null;
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

        return ReadText(element, key, out value) ?? (string.IsNullOrWhiteSpace(value) ? $"empty '{key}'" : null);
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

        var problem = ReadText(element, key, out var text);
        text = text?.Trim();
        value = string.IsNullOrEmpty(text) ? null : text;
        return problem;
    }
}
