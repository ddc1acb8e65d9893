using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Documents;

namespace Search.Core.Corpus;

/// <summary>
/// Reads one article in the seed format: the first line is <c> date YYYY-MM caption and credit</c>,
/// then the body as paragraphs separated by blank lines. The id is the file name without extension.
/// </summary>
public static partial class SeedFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CorpusRecord Read(string path) => Read(new InputFile(path));

    public static CorpusRecord Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.Path;
        if (file.Size > JsonLinesReader.MaxLineBytes)
        {
            return CorpusRecord.Skipped(path, $"file of {file.Size:N0} bytes is larger than the cap of {JsonLinesReader.MaxLineBytes:N0} bytes");
        }

        string text;
        try
        {
            using var stream = file.Open();
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CorpusRecord.Skipped(path, "not UTF-8 text; save the file as UTF-8");
        }

        return Parse(Path.GetFileNameWithoutExtension(path), text, path);
    }

    /// <summary>Parses the text of a seed file; <paramref name="location"/> names it in skip reasons.</summary>
    public static CorpusRecord Parse(string id, string text, string location)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            return CorpusRecord.Skipped(location, "empty file");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return CorpusRecord.Skipped(location, "binary file, not a seed article");
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = newline < 0 ? text : text[..newline];
        var rest = newline < 0 ? string.Empty : text[(newline + 1)..];

        var header = DateLine().Match(firstLine);
        if (!header.Success)
        {
            return CorpusRecord.Skipped($"{location}:1", "first line must be ' date YYYY-MM caption'");
        }

        var month = header.Groups["month"].Value;
        if (!ArticleDate.IsMonth(month))
        {
            return CorpusRecord.Skipped($"{location}:1", $"impossible date '{month}'; expected a real month YYYY-MM");
        }

        var body = NormaliseParagraphs(rest);
        if (body.Length == 0)
        {
            return CorpusRecord.Skipped(location, "no body text after the date line");
        }

        var caption = header.Groups["caption"].Value.Trim();
        var article = new NewsArticle(
            Id: id,
            Title: DisplayTitle.FromBody(body),
            Date: month,
            Body: body,
            Caption: caption.Length == 0 ? null : caption);
        return CorpusRecord.Found(location, article);
    }

    /// <summary>Joins hard-wrapped lines inside a paragraph and separates paragraphs by exactly one blank line.</summary>
    internal static string NormaliseParagraphs(string text) =>
        string.Join("\n\n", ParagraphBreak().Split(text)
            .Select(paragraph => string.Join(' ', paragraph.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(paragraph => paragraph.Length > 0));

    [GeneratedRegex(@"^\s*date\s+(?<month>\d{4}-\d{2})(?:\s+(?<caption>.*))?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();
}
