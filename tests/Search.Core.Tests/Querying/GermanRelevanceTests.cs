using Search.Core.Analysis;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

/// <summary>
/// A small made-up corpus whose background articles teach the compound splitter its words (Kontakt, Beschränkungen,
/// Gespräch, Impfstoff, Hersteller, Wand, Alterung, Bundestag …), plus articles that each test one behaviour.
/// </summary>
public sealed class GermanRelevanceFixture() : IndexedArticlesFixture("relevance", Articles())
{
    private static List<object> Articles()
    {
        var articles = new List<object>();
        for (var i = 0; i < 24; i++)
        {
            articles.Add(new
            {
                id = $"background-{i:D2}",
                date = $"2020-{i % 12 + 1:D2}-10",
                title = $"Bericht Nummer {i}",
                body = "Der Kontakt im Alltag bleibt wichtig, sagen Fachleute. Die Beschränkungen gelten weiter. " +
                       "Der Bundestag berät über den Impfstoff, den ein Hersteller liefert. Ein Gespräch ist nicht fern. " +
                       "Die Wand zeigt Spuren der Alterung.",
            });
        }

        articles.AddRange(
        [
            new { id = "kontakt-compound", date = "2020-12-01", title = "Neue Regeln für Familien", body = "Die Kontaktbeschränkungen werden bis Januar verlängert." },
            new { id = "impf-exact", date = "2021-01-05", title = "Lieferung erwartet", body = "Der Impfstoff soll im Februar ankommen." },
            new { id = "impf-compound", date = "2021-01-05", title = "Lieferung erwartet", body = "Die Impfstoffhersteller wollen im Februar liefern." },
            new { id = "impf-hyphen", date = "2021-01-06", title = "Zulassung beantragt", body = "Der Corona-Impfstoff wartet auf die Zulassung." },
            new { id = "fern-compound", date = "2020-06-01", title = "Anruf aus Übersee", body = "Ein langes Ferngespräch mit der Mutter in Kanada." },
            new { id = "wand-compound", date = "2020-06-02", title = "Reparatur im Flur", body = "Die Wandhalterung hielt nicht mehr." },
            new { id = "near", date = "2020-07-01", title = "Reise", body = "Sturmböen und Hagelkörner trafen die Küste am Morgen." },
            new { id = "far", date = "2020-07-01", title = "Reise", body = "Sturmböen waren angekündigt. Am Nachmittag blieb es ruhig, die Sonne schien, Kinder spielten im Park, Läden öffneten wieder. Erst abends kamen Hagelkörner." },
            new { id = "flut-old", date = "2020-01-15", title = "Sturmflut an der Nordsee", body = "Eine Sturmflut überspülte den Deich." },
            new { id = "decomposed", date = "2020-08-01", title = "Neuer Gescha\u0308ftsfu\u0308hrer", body = "Der Gescha\u0308ftsfu\u0308hrer der Ba\u0308ckerei stellt sich vor." },
            new { id = "dotted-plural", date = "2020-09-05", title = "Leipzig", body = "Der Chor von St. Thomas singt wieder." },
            new { id = "plural-autos", date = "2020-09-03", title = "Verkehr", body = "Die Autos Chinas stehen im Stau." },
            new { id = "singular-auto", date = "2020-09-04", title = "Verkehr", body = "Das Auto aus China steht seriöse Stunden im Stau." },
            new { id = "user-name", date = "2020-08-02", title = "Leserforum", body = "Alias_Canetti teilt dessen Meinung." },
            new { id = "konzern-singular", date = "2020-10-01", title = "Wirtschaft", body = "Der Konzern legt die Bilanz vor." },
            new { id = "konzerne-plural", date = "2020-10-02", title = "Wirtschaft", body = "Die Konzerne legen ihre Bilanz vor." },
            new { id = "modern-plain", date = "2020-10-03", title = "Kultur", body = "Das Museum ist modern." },
            new { id = "moderne-inflected", date = "2020-10-04", title = "Kultur", body = "Ein modernes Museum öffnet." },
            new { id = "kindern-dative", date = "2020-10-05", title = "Kultur", body = "Mit den Kindern ins Museum." },
            new { id = "problem-singular", date = "2020-10-06", title = "Technik", body = "Ein Problem mit der Software." },
            new { id = "probleme-plural", date = "2020-10-07", title = "Technik", body = "Probleme mit der Software." },
            new { id = "inseln-plural", date = "2020-10-08", title = "Reisen", body = "Urlaub auf den Inseln." },
            new { id = "homeoffice-a", date = "2020-11-01", title = "Arbeit", body = "Viele arbeiten jetzt im Homeoffice." },
            new { id = "homeoffice-b", date = "2020-11-02", title = "Arbeit", body = "Das Homeoffice bleibt vorerst." },
            new { id = "home-apart", date = "2020-11-03", title = "Arbeit", body = "Ein Office im Home der Senioren." },
            new { id = "ausgangssperre-a", date = "2020-11-05", title = "Nacht", body = "Die Ausgangssperre gilt ab heute." },
            new { id = "ausgangssperre-b", date = "2020-11-06", title = "Nacht", body = "Eine Ausgangssperre droht." },
            new { id = "gender-colon", date = "2020-11-07", title = "Schule", body = "Die Schulminister:innen beraten am Abend." },
            new { id = "gender-capital-i", date = "2020-11-08", title = "Unterricht", body = "Die LehrerInnen unterrichten digital." },
            new { id = "krise-closed", date = "2020-11-09", title = "Handel", body = "Die Coronakrise dauert an. Die Coronakrise kostet Geld. Die Coronakrise endet bald." },
            new { id = "krise-hyphen", date = "2020-11-10", title = "Handel", body = "Der Einzelhandel leidet unter der Corona-Krise." },
            new { id = "gartenzwerg-once", date = "2020-11-04", title = "Garten", body = "Der Gartenzwerg steht am Teich." },
            new { id = "flut-new", date = "2021-03-15", title = "Sturmflut an der Nordsee", body = "Eine Sturmflut überspülte den Deich." },
            new { id = "name-marked", date = "2021-03-16", title = "Besuch", body = "Staatschef Erdoğan empfängt Gäste in Ankara." },
            new { id = "name-plain", date = "2021-03-17", title = "Besuch", body = "Staatschef Erdogan empfängt Gäste in Istanbul." },
            new { id = "fever-hyphen-1", date = "2021-03-18", title = "Gesundheit", body = "Das Fieber-21 breitet sich aus." },
            new { id = "fever-hyphen-2", date = "2021-03-19", title = "Gesundheit", body = "Gegen Fieber-21 hilft Ruhe." },
            new { id = "fever-solid", date = "2021-03-20", title = "Gesundheit", body = "Das Fieber21 ist neu." },
            new { id = "tram-hyphen-1", date = "2021-03-21", title = "Verkehr", body = "Die Q-Tram fährt wieder nach Plan." },
            new { id = "tram-hyphen-2", date = "2021-03-22", title = "Verkehr", body = "Mit der Q-Tram zur Arbeit." },
            new { id = "tram-letter-apart", date = "2021-03-23", title = "Verkehr", body = "Die Tram hält am Platz Q in Mannheim." },
        ]);
        return articles;
    }
}

// Checks, on GermanRelevanceFixture: the parts of a compound find it and its snippet marks the whole compound; an
// article with the whole word ranks above one with the word only inside a compound; a stray word is not split off; the
// dictionary the index learned lives in the index folder; web-search syntax (phrase, -, OR, prefix*, title:); typos get
// a did-you-mean and a typo-tolerant retry, and a compound no article has is searched as its two words; words close
// together rank higher; sort=fresh prefers the newer of two equally relevant articles; text written with combining
// marks (a + ◌̈) and queries typed so meet the composed form; a name written with an underscore is found by its parts, a
// name with marks (Erdoğan) with or without them, and a gender form with a colon by its word; Auto and Autos, China and
// Chinas find each other; so do Konzern and Konzerne, modern and moderne, Problem and Probleme, Insel and Inseln; two
// words, or one typed with a hyphen, find the one word they make together when several articles have it, a word with a
// one-letter part (Q-Tram) only its parts side by side, a compound finds the articles that write it with a hyphen, and
// so do letters with a number (Fieber21); Analyze lists the terms the index makes of a text (compound parts, joined
// words, other forms) with their text and positions.
public class GermanRelevanceTests(GermanRelevanceFixture fixture) : IClassFixture<GermanRelevanceFixture>
{
    private readonly ArticleSearcher _searcher = fixture.Searcher;

    [Fact]
    public void IndexLearnsItsCompoundWordsFromTheCorpusAndKeepsThemInItsFolder() =>
        Assert.True(CompoundSplitter.Load(Path.Combine(fixture.IndexPath, CompoundSplitter.FileName)).Count > 10);

    [Theory]
    [InlineData("Kontakt Beschränkungen", "kontakt-compound", "Kontaktbeschränkungen")]
    [InlineData("Gespräch", "fern-compound", "Ferngespräch")]
    [InlineData("Hersteller", "impf-compound", "Impfstoffhersteller")]
    public void PartsOfACompoundFindItAndItsSnippetMarksTheCompound(string query, string id, string compound)
    {
        var hit = Assert.Single(Search(query).Hits, hit => hit.Article.Id == id);

        Assert.Contains($"<mark>{compound}</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WordFindsItsHyphenatedAndCompoundedFormsButTheWholeWordRanksFirst()
    {
        var ids = Search("Impfstoff").Hits.Select(hit => hit.Article.Id).ToList();

        Assert.Contains("impf-hyphen", ids);
        Assert.Contains("impf-compound", ids);
        Assert.True(ids.IndexOf("impf-exact") < ids.IndexOf("impf-compound"), string.Join(", ", ids));
    }

    [Theory]
    [InlineData("Auto Stau", new[] { "plural-autos", "singular-auto" })]
    [InlineData("Autos Stau", new[] { "plural-autos", "singular-auto" })]
    [InlineData("China Stau", new[] { "plural-autos", "singular-auto" })]
    [InlineData("seriös Stau", new[] { "singular-auto" })]
    [InlineData("St.Thomas Chor", new[] { "dotted-plural" })] // a dotted word in vowel + s still matches by its parts
    public void PluralOrGenitiveSAfterAVowelAndTheWordWithoutItFindEachOther(string query, string[] ids)
    {
        var hits = Search(query).Hits;

        Assert.Equal(ids.Order(), hits.Select(hit => hit.Article.Id).Order());
        Assert.All(hits, hit => Assert.Contains("<mark>", hit.Snippet, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Konzern Bilanz", new[] { "konzern-singular", "konzerne-plural" })]
    [InlineData("Konzerne Bilanz", new[] { "konzern-singular", "konzerne-plural" })]
    [InlineData("Konzernen Bilanz", new[] { "konzern-singular", "konzerne-plural" })]
    [InlineData("modern Museum", new[] { "modern-plain", "moderne-inflected" })]
    [InlineData("modernen Museum", new[] { "modern-plain", "moderne-inflected" })]
    [InlineData("Kinder Museum", new[] { "kindern-dative" })] // -ern as a dative plural still meets the plural
    [InlineData("Problem Software", new[] { "problem-singular", "probleme-plural" })]
    [InlineData("Probleme Software", new[] { "problem-singular", "probleme-plural" })]
    [InlineData("Insel Urlaub", new[] { "inseln-plural" })]
    public void WordWhoseEndingTheStemmerCutsAndItsInflectionsFindEachOther(string query, string[] ids)
    {
        var result = Search(query);

        Assert.Equal(ids.Order(), result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.All(result.Hits, hit => Assert.Contains("<mark>", hit.Snippet, StringComparison.Ordinal));
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Fact]
    public void TwoWordsFindTheWordTheyMakeTogetherBesideTheArticlesThatHaveThemApart()
    {
        var result = Search("Home Office");

        Assert.Equal(["home-apart", "homeoffice-a", "homeoffice-b"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.Contains("<mark>Homeoffice</mark>", result.Hits.Single(hit => hit.Article.Id == "homeoffice-a").Snippet, StringComparison.Ordinal);
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [InlineData("Erdogan")]
    [InlineData("Erdoğan")]
    [InlineData("ERDOĞAN")]
    [Theory]
    public void ANameFindsTheArticlesThatPrintItWithOrWithoutItsMarks(string query)
    {
        var result = Search(query);

        Assert.Equal(["name-marked", "name-plain"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.Contains("<mark>Erdoğan</mark>", result.Hits.Single(hit => hit.Article.Id == "name-marked").Snippet, StringComparison.Ordinal);
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Fact]
    public void LettersWithANumberTypedAsOneWordFindTheArticlesThatWriteThemWithAHyphen()
    {
        var result = Search("Fieber21");

        Assert.Equal(["fever-hyphen-1", "fever-hyphen-2", "fever-solid"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Theory]
    [InlineData("Home-Office")]
    [InlineData("Home–Office")] // a dash pasted for the hyphen
    public void AWordTypedWithAHyphenFindsTheArticlesThatWriteItAsOneWord(string query)
    {
        var result = Search(query);

        // "Homeoffice" is not split into parts (no article has "Home" or "Office" on its own but one), so only the word
        // both parts make finds these articles; "home-apart" has both parts.
        Assert.Equal(["home-apart", "homeoffice-a", "homeoffice-b"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.Contains("<mark>Homeoffice</mark>", result.Hits.Single(hit => hit.Article.Id == "homeoffice-a").Snippet, StringComparison.Ordinal);
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Fact]
    public void AWordWithAOneLetterPartFindsOnlyTheArticlesThatPrintItsPartsSideBySide()
    {
        var result = Search("Q-Tram");

        // "tram-letter-apart" has the letter and the word, apart: not the Q-Tram.
        Assert.Equal(["tram-hyphen-1", "tram-hyphen-2"], result.Hits.Select(hit => hit.Article.Id).Order());
    }

    [Fact]
    public void AnArticleWithOnlyTheWordTwoQueryWordsMakeScoresAsIfThatWordWereTypedWhole()
    {
        var typedWhole = Search("Homeoffice").Hits.Single(hit => hit.Article.Id == "homeoffice-b").Score;
        var typedApart = Search("Home Office").Hits.Single(hit => hit.Article.Id == "homeoffice-b").Score;

        // The article has neither word apart, only the word they make: that word counts as one word, no more.
        Assert.Equal(typedWhole, typedApart, 4);
    }

    [Fact]
    public void TwoWordsFindTheWordTheyMakeWithALinkingS()
    {
        var result = Search("Ausgang Sperre");

        Assert.Equal(["ausgangssperre-a", "ausgangssperre-b"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Fact]
    public void CompoundFindsTheArticlesThatWriteItWithAHyphen()
    {
        var result = Search("Coronakrise");

        Assert.Equal(["krise-closed", "krise-hyphen"], result.Hits.Select(hit => hit.Article.Id).Order());
        Assert.Contains("<mark>Corona-Krise</mark>", result.Hits.Single(hit => hit.Article.Id == "krise-hyphen").Snippet, StringComparison.Ordinal);
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Fact]
    public void TwoWordsAreNotJoinedIntoAWordOnlyOneArticleHas() =>
        Assert.DoesNotContain(Search("Garten Zwerg").Hits, hit => hit.Article.Id == "gartenzwerg-once");

    [Fact]
    public void ArticleWrittenWithCombiningMarksIsFoundByTheComposedWordAndShownComposed()
    {
        var hit = Assert.Single(Search("Geschäftsführer Bäckerei").Hits);

        Assert.Equal("decomposed", hit.Article.Id);
        Assert.Equal("Neuer Geschäftsführer", hit.Article.Title);
        Assert.Contains("<mark>Geschäftsführer</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryTypedWithCombiningMarksFindsTheComposedWordAsTyped()
    {
        var result = Search("Ferngespra\u0308ch");

        Assert.Equal("fern-compound", Assert.Single(result.Hits).Article.Id);
        Assert.False(result.Fuzzy, "found as typed, not by the typo-tolerant retry");
    }

    [Theory]
    [InlineData("Canetti")]
    [InlineData("Alias_Canetti")]
    public void NameWrittenWithAnUnderscoreIsFoundByItsParts(string query) =>
        Assert.Equal("user-name", Assert.Single(Search(query).Hits).Article.Id);

    [Fact]
    public void GenderFormWrittenWithACapitalIIsFoundByTheWord()
    {
        var hit = Assert.Single(Search("Lehrer digital").Hits);

        Assert.Equal("gender-capital-i", hit.Article.Id);
        Assert.Contains("<mark>LehrerInnen</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Schulminister")]
    [InlineData("Schulministern")]
    [InlineData("Schulminister:innen")]
    public void GenderFormWrittenWithAColonIsFoundByTheWord(string query)
    {
        var hit = Assert.Single(Search(query).Hits);

        Assert.Equal("gender-colon", hit.Article.Id);
        Assert.Contains("<mark>Schulminister</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownWordInsideAnotherIsNotSplitOff()
    {
        Assert.DoesNotContain(Search("Alterung").Hits, hit => hit.Article.Id == "wand-compound");
        Assert.Equal("wand-compound", Assert.Single(Search("Wandhalterung").Hits).Article.Id);
    }

    [Theory]
    [InlineData("\"Sturmflut an der Nordsee\"", new[] { "flut-new", "flut-old" })]
    [InlineData("\"Nordsee Sturmflut\"", new string[0])]
    [InlineData("„Sturmflut an der Nordsee“", new[] { "flut-new", "flut-old" })]
    [InlineData("„Nordsee Sturmflut“", new string[0])] // German quotation marks make a phrase too
    [InlineData("»Nordsee Sturmflut«", new string[0])]
    [InlineData("“Nordsee Sturmflut”", new string[0])]
    [InlineData("Nordsee's Sturmflut", new[] { "flut-new", "flut-old" })] // an apostrophe's s is no word an article must have
    [InlineData("Nordsee’s Sturmflut", new[] { "flut-new", "flut-old" })]
    [InlineData("Sturmböen -Nachmittag", new[] { "near" })]
    [InlineData("Sturmböen -\"am Nachmittag\"", new[] { "near" })]
    [InlineData("Ferngespräch OR Wandhalterung", new[] { "fern-compound", "wand-compound" })]
    [InlineData("Ferngespräch | Wandhalterung", new[] { "fern-compound", "wand-compound" })]
    [InlineData("Kontaktbeschr*", new[] { "kontakt-compound" })]
    [InlineData("title:Regeln", new[] { "kontakt-compound" })]
    [InlineData("titel:\"neue Regeln\"", new[] { "kontakt-compound" })]
    [InlineData("body:Regeln", new string[0])]
    [InlineData("Hagelkörner Sturmböen NOT Park", new[] { "near" })]
    public void WebSearchSyntaxSelectsTheRightArticles(string query, string[] ids) =>
        Assert.Equal(ids.Order(), Search(query).Hits.Select(hit => hit.Article.Id).Order());

    [Fact]
    public void MisspeltWordGetsADidYouMeanAndTheTypoTolerantHits()
    {
        var result = Search("Bundestg");

        Assert.Equal("Bundestag", result.DidYouMean);
        Assert.True(result.Fuzzy);
        Assert.Equal(24, result.Total);
    }

    [Fact]
    public void ACompoundNoArticleHasIsSearchedAsTheTwoWordsItSplitsInto()
    {
        // "Wandgespräch" is in no article, not even one edit away; every background article has "Wand" and "Gespräch".
        var result = Search("Wandgespräch");

        Assert.Equal("Wand Gespräch", result.DidYouMean);
        Assert.True(result.Fuzzy, "the hits come from the query rewritten");
        Assert.Equal(24, result.Hits.Count(hit => hit.Article.Id.StartsWith("background-", StringComparison.Ordinal)));
    }

    [Fact]
    public void ACompoundNoArticleHasIsNotSplitWithTyposOff() =>
        Assert.Equal(0, _searcher.Search(new SearchRequest("Wandgespräch", []) { Typos = false }).Total);

    [Fact]
    public void WithTyposOffAMisspeltWordFindsOnlyWhatIsTypedAndGetsNoSuggestion()
    {
        var result = _searcher.Search(new SearchRequest("Bundestg", []) { Typos = false });

        Assert.Equal(0, result.Total);
        Assert.Null(result.DidYouMean);
        Assert.False(result.Fuzzy);
    }

    [Fact]
    public void WellSpeltQueryGetsNoSuggestionAndNoTypoTolerance()
    {
        var result = Search("Bundestag");

        Assert.Null(result.DidYouMean);
        Assert.False(result.Fuzzy);
    }

    [Fact]
    public void DidYouMeanKeepsTheRestOfTheQuery() =>
        Assert.Equal("Bundestag -Park", Search("Bundestg -Park").DidYouMean);

    [Fact]
    public void ArticleWithTheQueryWordsCloseTogetherRanksAboveOneWithThemFarApart()
    {
        var hits = Search("Hagelkörner Sturmböen").Hits;

        Assert.Equal(["near", "far"], hits.Select(hit => hit.Article.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void FreshOrderPrefersTheNewerOfTwoEquallyRelevantArticles()
    {
        var relevance = _searcher.Search(new SearchRequest("Sturmflut", []));
        var fresh = _searcher.Search(new SearchRequest("Sturmflut", []) { Sort = SearchSort.Fresh });

        Assert.Equal(relevance.Hits[0].Score, relevance.Hits[1].Score);
        Assert.Equal(["flut-new", "flut-old"], fresh.Hits.Select(hit => hit.Article.Id));
        Assert.True(fresh.Hits[0].Score > fresh.Hits[1].Score);
    }

    [Fact]
    public void AnalyzeShowsTheTermsTheIndexMakesOfATextAndWhatMadeEach()
    {
        var tokens = _searcher.Analyze("Ein Ferngespräch über die Corona-Krise und Autos in St.Wendel")
            .Select(token => $"{token.Position} {token.Term} {token.Kind} '{token.Text}' {token.Start}-{token.End}");

        Assert.Equal(
        [
            "1 ferngesprach Word 'Ferngespräch' 4-16",
            "1 §fern CompoundPart 'Ferngespräch' 4-16",
            "1 §gesprach CompoundPart 'Ferngespräch' 4-16",
            "4 corona Word 'Corona' 26-32",
            "4 coronakris Joined 'Corona-Krise' 26-38",
            "5 kris Word 'Krise' 33-38",
            "7 autos Word 'Autos' 43-48",
            "7 auto OtherForm 'Autos' 43-48",
            "9 st.wendel Word 'St.Wendel' 52-61",
            "9 st DottedPart 'St' 52-54",
            "9 wendel DottedPart 'Wendel' 55-61",
        ], tokens);
    }

    private SearchResult Search(string query) => _searcher.Search(new SearchRequest(query, [], 1, 50));
}
