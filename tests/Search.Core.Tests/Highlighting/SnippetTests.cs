using System.Text.RegularExpressions;
using Search.Core.Querying;

namespace Search.Core.Tests.Highlighting;

/// <summary>A few articles, each shaped to show one thing about snippets, indexed once on disk.</summary>
public sealed class SnippetFixture() : IndexedArticlesFixture("snippets", Articles())
{
    private static object[] Articles()
    {
        var filler = string.Concat(Enumerable.Repeat("Der Wetterbericht meldet Regen und Wind für den ganzen Tag. ", 2_500));
        return
        [
            new { id = "long", date = "2020-05-01", title = "Liveblog", body = filler + "Am Abend sprach die Ministerin über Windräder auf dem Deich. " + filler },
            new
            {
                id = "phrase",
                date = "2020-05-02",
                title = "Kanzlerin",
                body = "Angela Schmidt eröffnete die Ausstellung am Vormittag mit einer kurzen Rede über Kunst und Geld. " +
                       "Später am Tag kam auch Merkel vorbei, sagte aber nichts zu der Ausstellung oder den Bildern. " +
                       "Am Abend erklärte Angela Merkel dann in Berlin, sie habe die Bilder sehr gemocht und komme wieder.",
            },
            new
            {
                id = "apart",
                date = "2020-05-03",
                title = "Verhandlungen",
                body = "Die Gespräche begannen am Morgen in einem Hotel am See, wo die Delegationen schon am Vortag eintrafen. " +
                       "Über das Programm wurde lange nichts bekannt, Journalisten warteten vor der Tür auf Neuigkeiten. " +
                       "Erst am Abend teilte ein Sprecher mit, man werde die Beratungen in Genf fortsetzen, sobald es gehe.",
            },
            new { id = "dotted", date = "2020-05-05", title = "Saarland", body = "Der Markt in St.Wendel öffnet am Samstag wieder." },
            new { id = "prefix", date = "2020-05-04", title = "Impfung", body = "Die Impfstoffe kommen im Sommer, sagte der Minister am Dienstag in der Hauptstadt." },
            new { id = "titled", date = "2020-05-06", title = "Schleusenwärter streiken am Kanal <b>& Hafen</b>", body = "Der Betrieb ruht seit Montag.", caption = "Die Schleuse bei Brunsbüttel. Foto: dpa" },
        ];
    }
}

public sealed partial class SnippetTests(SnippetFixture fixture) : IClassFixture<SnippetFixture>
{
    [Fact]
    public void MatchFarIntoAVeryLongBodyIsShownAndMarked()
    {
        var hit = Assert.Single(Search("Windräder").Hits);

        Assert.Equal("long", hit.Article.Id);
        Assert.True(hit.Article.Body.Length > 250_000);
        Assert.Contains("<mark>Windräder</mark> auf dem Deich", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void PhraseIsMarkedOnlyWhereItsWordsStandTogether()
    {
        var hit = Assert.Single(Search("\"Angela Merkel\"").Hits);

        Assert.Equal(["Angela Merkel"], Marks(hit.Snippet));
    }

    [Fact]
    public void SecondPassageShowsTheQueryWordTheFirstLacks()
    {
        var hit = Assert.Single(Search("Genf Gespräche").Hits);

        Assert.Equal(["Gespräche", "Genf"], Marks(hit.Snippet));
        Assert.Contains(" … ", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixMarksTheWordsItExpandsTo()
    {
        var hit = Assert.Single(Search("Impfst*").Hits);

        Assert.Equal(["Impfstoffe"], Marks(hit.Snippet));
    }

    [Fact]
    public void ExcludedWordsAreNotMarked()
    {
        var hit = Assert.Single(Search("Ausstellung -Genf").Hits);

        Assert.Equal("phrase", hit.Article.Id);
        Assert.All(Marks(hit.Snippet), mark => Assert.Equal("Ausstellung", mark));
    }

    [Fact]
    public void PassagesAreAboutAHundredCharactersEachAndOneLine()
    {
        var snippet = Assert.Single(Search("Genf Gespräche").Hits).Snippet;
        var passages = Regex.Replace(snippet, "</?mark>", string.Empty).Split(" … ");

        Assert.Equal(2, passages.Length);
        Assert.All(passages, passage => Assert.InRange(passage.Length, 60, 150));
        Assert.DoesNotContain('\n', snippet);
    }

    [Theory]
    [InlineData("Wendel", "Wendel")]
    [InlineData("St. Wendel", "St")]
    [InlineData("St.Wendel", "St.Wendel")]
    public void DottedWordIsFoundWholeOrByItsParts(string query, string firstMark)
    {
        var hit = Assert.Single(Search(query).Hits);

        Assert.Equal("dotted", hit.Article.Id);
        Assert.Equal(firstMark, Marks(hit.Snippet)[0]);
    }

    [Fact]
    public void WordsFoundOnlyInTheTitleAreMarkedInTheTitle()
    {
        var hit = Assert.Single(Search("Schleusenwärter Kanal").Hits);

        Assert.Equal("Der Betrieb ruht seit Montag.", hit.Snippet);
        Assert.Equal("<mark>Schleusenwärter</mark> streiken am <mark>Kanal</mark> &lt;b&gt;&amp; Hafen&lt;/b&gt;", hit.TitleHtml);
        Assert.Equal("Die Schleuse bei Brunsbüttel. Foto: dpa", hit.CaptionHtml);
    }

    [Fact]
    public void WordsFoundInTheCaptionAreMarkedInTheCaption()
    {
        var hit = Assert.Single(Search("Brunsbüttel").Hits);

        Assert.Equal("Die Schleuse bei <mark>Brunsbüttel</mark>. Foto: dpa", hit.CaptionHtml);
        Assert.Equal("Schleusenwärter streiken am Kanal &lt;b&gt;&amp; Hafen&lt;/b&gt;", hit.TitleHtml);
    }

    [Fact]
    public void PhrasesInflectionsAndTypoRetryWordsAreMarkedInTheTitleAsInTheBody()
    {
        Assert.Equal("<mark>Schleusenwärter streiken</mark> am Kanal &lt;b&gt;&amp; Hafen&lt;/b&gt;", Assert.Single(Search("\"Schleusenwärter streiken\"").Hits).TitleHtml);
        Assert.Contains("am <mark>Kanal</mark>", Assert.Single(Search("Kanals").Hits).TitleHtml, StringComparison.Ordinal);
        // "streikt" is another stem than "streiken": found by the typo retry, through the title alone.
        var retried = Assert.Single(Search("streikt").Hits);
        Assert.StartsWith("Schleusenwärter <mark>streiken</mark>", retried.TitleHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void BrowsingWithoutWordsGivesTheTitleEscapedWithoutMarks()
    {
        var hit = Assert.Single(fixture.Searcher.Search(new SearchRequest("", ["2020-05"], 1, 10)).Hits, hit => hit.Article.Id == "titled");

        Assert.Equal("Schleusenwärter streiken am Kanal &lt;b&gt;&amp; Hafen&lt;/b&gt;", hit.TitleHtml);
    }

    private SearchResult Search(string query) => fixture.Searcher.Search(new SearchRequest(query, [], 1, 10));

    private static List<string> Marks(string snippet) => [.. MarkPattern().Matches(snippet).Select(match => match.Groups[1].Value)];

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkPattern();
}
