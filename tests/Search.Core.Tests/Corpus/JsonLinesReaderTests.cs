using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Core.Corpus;
using Search.Tests.Shared;

namespace Search.Core.Tests.Corpus;

public class JsonLinesReaderTests
{
    private const string GoodLine = """{"id": "a-1", "date": "2020-07-13", "title": "Titel", "body": "Erster Absatz.\n\nZweiter Absatz.", "source": "zeit.de", "url": "https://zeit.de/a-1"}""";

    [Fact]
    public void LineInTheCorpusFormatBecomesAnArticle()
    {
        var article = JsonLinesReader.ParseLine(GoodLine, "f.jsonl:1").Article;

        Assert.NotNull(article);
        Assert.Equal(("a-1", "2020-07-13", "2020-07", "Titel"), (article.Id, article.Date, article.Month, article.Title));
        Assert.Equal("Erster Absatz.\n\nZweiter Absatz.", article.Body);
        Assert.Equal(("zeit.de", "https://zeit.de/a-1"), (article.Source, article.Url));
        Assert.Null(article.Caption);
    }

    [Fact]
    public void MonthOnlyDateIsAccepted() =>
        Assert.Equal("2020-07", JsonLinesReader.ParseLine("""{"id":"a","date":"2020-07","title":"T","body":"B"}""", "f:1").Article?.Date);

    [Theory]
    [InlineData("not json", "not valid JSON ('not json' is an invalid")]
    [InlineData("[1,2]", "expected a JSON object with id, date, title and body")]
    [InlineData("""{"date":"2020-07-13","title":"T","body":"B"}""", "missing 'id'")]
    [InlineData("""{"id":" ","date":"2020-07-13","title":"T","body":"B"}""", "empty 'id'")]
    [InlineData("""{"id":7,"date":"2020-07-13","title":"T","body":"B"}""", "'id' must be a string, not number")]
    [InlineData("""{"id":"a","date":"2020-07-13","body":"B"}""", "missing 'title'")]
    [InlineData("""{"id":"a","date":"2020-07-13","title":"T","body":""}""", "empty 'body'")]
    [InlineData("""{"id":"a","title":"T","body":"B"}""", "missing 'date'")]
    [InlineData("""{"id":"a","date":"2021-13-01","title":"T","body":"B"}""", "impossible date '2021-13-01'; expected YYYY-MM-DD or YYYY-MM")]
    [InlineData("""{"id":"a","date":"2021-02-30","title":"T","body":"B"}""", "impossible date '2021-02-30'; expected YYYY-MM-DD or YYYY-MM")]
    [InlineData("""{"id":"a","date":"13.07.2020","title":"T","body":"B"}""", "impossible date '13.07.2020'; expected YYYY-MM-DD or YYYY-MM")]
    [InlineData("""{"id":"a","date":"2020-07-13","title":"T","body":"B","source":["x"]}""", "'source' must be a string, not array")]
    public void BadLineIsSkippedWithItsReason(string line, string reason)
    {
        var record = JsonLinesReader.ParseLine(line, "f.jsonl:3");

        Assert.Null(record.Article);
        Assert.Equal("f.jsonl:3", record.Location);
        Assert.StartsWith(reason, record.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void BadLinesAreReportedByLineNumberAndTheRestOfTheFileIsRead()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "mixed.jsonl");
        File.WriteAllText(path, string.Join('\n', GoodLine, "{broken", "", GoodLine.Replace("a-1", "a-2", StringComparison.Ordinal)));

        var records = JsonLinesReader.Read(path).ToList();

        Assert.Equal(["a-1", null, "a-2"], records.Select(record => record.Article?.Id));
        Assert.Equal(path + ":2", records[1].Location);
    }

    [Fact]
    public void GzippedFileIsReadLikeAPlainOne()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "news.jsonl.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(GoodLine + "\n"));
        }

        Assert.Equal("a-1", Assert.Single(JsonLinesReader.Read(path)).Article?.Id);
    }

    [Fact]
    public void TruncatedGzipKeepsTheArticlesBeforeTheBreakAndReportsIt()
    {
        var folder = TestCorpus.CreateTempFolder("jsonl");
        var whole = Path.Combine(folder, "whole.jsonl.gz");
        using (var gzip = new GZipStream(File.Create(whole), CompressionLevel.Fastest))
        {
            for (var i = 0; i < 2000; i++)
            {
                gzip.Write(Encoding.UTF8.GetBytes(GoodLine.Replace("a-1", $"a-{i}", StringComparison.Ordinal) + "\n"));
            }
        }

        var truncated = Path.Combine(folder, "truncated.jsonl.gz");
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var records = JsonLinesReader.Read(truncated).ToList();

        Assert.Contains(records, record => record.Article is not null);
        var failure = records[^1];
        Assert.Null(failure.Article);
        Assert.StartsWith("the gzip data ends early or is corrupt", failure.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileIsReportedAsEmpty()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "empty.jsonl");
        File.WriteAllText(path, "");

        Assert.Equal("empty file", Assert.Single(JsonLinesReader.Read(path)).SkipReason);
    }

    [Fact]
    public void InvalidUtf8LineIsSkippedAndTheNextLineIsRead()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "latin1.jsonl");
        var bad = Encoding.Latin1.GetBytes(GoodLine.Replace("Titel", "Straße", StringComparison.Ordinal) + "\n");
        File.WriteAllBytes(path, [.. bad, .. Encoding.UTF8.GetBytes(GoodLine.Replace("a-1", "a-2", StringComparison.Ordinal) + "\n")]);

        var records = JsonLinesReader.Read(path).ToList();

        Assert.Equal("not valid UTF-8 text; save the file as UTF-8", records[0].SkipReason);
        Assert.Equal("a-2", records[1].Article?.Id);
    }

    [Fact]
    public void ByteOrderMarkAndWindowsLineEndingsAreAccepted()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "windows.jsonl");
        File.WriteAllText(path, "\uFEFF" + GoodLine + "\r\n" + GoodLine.Replace("a-1", "a-2", StringComparison.Ordinal) + "\r\n", new UTF8Encoding(false));

        Assert.Equal(["a-1", "a-2"], JsonLinesReader.Read(path).Select(record => record.Article?.Id));
    }

    [Fact]
    public void BinaryFileIsSkippedAsAWhole()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "image.jsonl");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x0A, 1, 2, 3]);

        var record = Assert.Single(JsonLinesReader.Read(path));

        Assert.Equal((path, "binary file, not JSON Lines text"), (record.Location, record.SkipReason));
    }

    [Fact]
    public void ArticleOfSeveralMegabytesIsRead()
    {
        var body = string.Concat(Enumerable.Repeat("Ein langer Liveblog mit vielen Einträgen. ", 100_000));
        var article = JsonLinesReader.ParseLine(JsonSerializer.Serialize(new { id = "big", date = "2020-03-01", title = "Liveblog", body }), "f:1").Article;

        Assert.Equal(body.Trim(), article?.Body);
    }

    [Fact]
    public void LineLongerThanTheCapIsSkippedWithItsLengthAndTheNextLineIsRead()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("jsonl"), "huge.jsonl");
        using (var file = File.CreateText(path))
        {
            file.Write("{\"id\":\"huge\",\"body\":\"");
            file.Write(new string('x', JsonLinesReader.MaxLineBytes));
            file.Write("\"}\n");
            file.Write(GoodLine + "\n");
        }

        var records = JsonLinesReader.Read(path).ToList();

        Assert.Equal($"line of {JsonLinesReader.MaxLineBytes + 23:N0} bytes is longer than the cap of {JsonLinesReader.MaxLineBytes:N0} bytes", records[0].SkipReason);
        Assert.Equal("a-1", records[1].Article?.Id);
    }

    [Fact]
    public void DeeplyNestedJsonIsSkipped()
    {
        var line = new string('[', 10_000) + new string(']', 10_000);

        Assert.StartsWith("not valid JSON", JsonLinesReader.ParseLine(line, "f:1").SkipReason, StringComparison.Ordinal);
    }
}
