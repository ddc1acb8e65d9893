using Search.Core.Corpus;
using Search.Tests.Shared;

namespace Search.Core.Tests.Corpus;

public class SeedFileReaderTests
{
    [Fact]
    public void SeedArticleIsReadWithIdMonthCaptionTitleAndParagraphs()
    {
        var record = SeedFileReader.Read(Path.Combine(TestCorpus.SeedsPath, TestCorpus.SeedId + ".txt"));

        var article = Assert.IsType<Core.Documents.NewsArticle>(record.Article);
        Assert.Equal(TestCorpus.SeedId, article.Id);
        Assert.Equal("2021-12", article.Date);
        Assert.Equal("2021-12", article.Month);
        Assert.Equal("Das letzte Ferngespräch von Joe Biden und Wladimir Putin per Videoschalte am 7. Dezember Bild: AP", article.Caption);
        Assert.StartsWith("Angesichts der Spannungen um die Ukraine werden", article.Title, StringComparison.Ordinal);
        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
        Assert.True(article.Title.Length <= DisplayTitle.MaxLength);
        Assert.StartsWith("Angesichts der Spannungen", article.Body, StringComparison.Ordinal);
        Assert.Contains("\n\nLetztes Videotelefonat am 7. Dezember\n\n", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("date 2021-12", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" date 2021-12 Foto: dpa\n\nText.", "2021-12", "Foto: dpa")]
    [InlineData("date 2020-01\n\nText.", "2020-01", null)]
    [InlineData("\uFEFF date 2020-02 Bild\r\n\r\nText.", "2020-02", "Bild")]
    public void DateLineVariantsAreAccepted(string text, string month, string? caption)
    {
        var article = SeedFileReader.Parse("x", text, "x.txt").Article;

        Assert.NotNull(article);
        Assert.Equal(month, article.Date);
        Assert.Equal(caption, article.Caption);
        Assert.Equal("Text.", article.Body);
    }

    [Theory]
    [InlineData("", "x.txt", "empty file")]
    [InlineData("   \n\n", "x.txt", "empty file")]
    [InlineData("Kein Datum hier\n\nText.", "x.txt:1", "first line must be ' date YYYY-MM caption'")]
    [InlineData(" date 2021-13 Bild\n\nText.", "x.txt:1", "impossible date '2021-13'; expected a real month YYYY-MM")]
    [InlineData(" date 2021-12 Bild", "x.txt", "no body text after the date line")]
    [InlineData(" date 2021-12 Bild\n\0\0\0", "x.txt", "binary file, not a seed article")]
    public void UnusableSeedTextIsSkippedWithItsReason(string text, string location, string reason)
    {
        var record = SeedFileReader.Parse("x", text, "x.txt");

        Assert.Null(record.Article);
        Assert.Equal(location, record.Location);
        Assert.Equal(reason, record.SkipReason);
    }

    [Fact]
    public void FileThatIsNotUtf8IsSkipped()
    {
        var path = Path.Combine(TestCorpus.CreateTempFolder("seed"), "latin1.txt");
        File.WriteAllBytes(path, [.. " date 2021-12 Bild\n\nStra"u8.ToArray(), 0xDF, (byte)'e']);

        var record = SeedFileReader.Read(path);

        Assert.Null(record.Article);
        Assert.Equal("not UTF-8 text; save the file as UTF-8", record.SkipReason);
    }

    [Theory]
    [InlineData("Kurzer Satz. Zweiter Satz folgt.", "Kurzer Satz.")]
    [InlineData("Am 7. Dezember sprachen sie. Danach nicht mehr.", "Am 7. Dezember sprachen sie.")]
    [InlineData("Ohne Satzende", "Ohne Satzende")]
    public void DisplayTitleIsTheFirstSentence(string body, string title) =>
        Assert.Equal(title, DisplayTitle.FromBody(body));
}
