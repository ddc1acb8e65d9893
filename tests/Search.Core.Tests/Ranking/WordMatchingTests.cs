using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>
/// Made-up articles for how many of a query's words an article needs: a coast whose words rarely meet
/// (Leuchtturm, Nebel, Sturmflut), a harbour where many articles have all of Deich, Möwe and Ebbe (110, "many" for a
/// threshold of 100 in place of <see cref="RankingWeights.MissingWordsBelow"/>), and "Deich" and "Möwe" common enough
/// that they alone make no match, a month's digest that has Kormoran, Seegras and Priel among hundreds of sentences, and
/// a beach where "vs." compares other things, and a scientist named with and without "Dr.".
/// </summary>
public sealed class WordMatchingFixture() : Search.Core.Tests.IndexedArticlesFixture("matching", Articles())
{
    public const int HarbourArticles = 110;

    private static List<object> Articles()
    {
        var articles = new List<object>
        {
            // Every word once, in a long article: the one article with all three.
            new { id = "coast-all", date = "2020-10-01", title = "Ein Tag an der Küste", body = "Am Morgen lag Nebel über dem Leuchtturm. " + Filler(24) + " Für die Nacht war eine Sturmflut angekündigt." },
            // Two of the three, each many times: they score more than the article with all three.
            new { id = "coast-two-1", date = "2020-10-02", title = "Leuchtturm im Nebel", body = "Der Leuchtturm verschwand im Nebel. Nebel, Nebel und wieder Nebel rund um den Leuchtturm. Der Leuchtturm blinkt." },
            new { id = "coast-two-2", date = "2020-10-03", title = "Sturmflut am Leuchtturm", body = "Die Sturmflut erreichte den Leuchtturm. Nach der Sturmflut stand der Leuchtturm noch. Sturmflut!" },
            new { id = "coast-two-3", date = "2020-10-04", title = "Nebel nach der Sturmflut", body = "Nach der Sturmflut kam der Nebel. Nebel über der Sturmflut, Nebel überall." },
            // One of the three: no match for the three words.
            new { id = "coast-one", date = "2020-10-05", title = "Nebel über der Stadt", body = "Dichter Nebel legte sich über die Stadt." },
            // The common words of the harbour without any uncommon word of the query.
            new { id = "harbour-common-only", date = "2020-10-06", title = "Am Deich", body = "Eine Möwe sitzt auf dem Deich." },
            // A common word with an uncommon one.
            new { id = "harbour-lighthouse", date = "2020-10-07", title = "Am Deich", body = "Vom Deich sieht man den Leuchtturm." },
        };
        for (var i = 0; i < HarbourArticles; i++)
        {
            // One asks why, in a long article: the question word is all that puts it first for "Warum …".
            var why = i == 5 ? "Warum? " : string.Empty;
            articles.Add(new { id = $"harbour-{i:D3}", date = $"2020-{(i % 12) + 1:D2}-15", title = $"Hafenbericht {i}", body = why + "Bei Ebbe steht die Möwe am Deich. " + Filler(i % 7) });
        }

        for (var i = 0; i < 40; i++)
        {
            articles.Add(new { id = $"harbour-two-{i:D2}", date = "2020-11-20", title = $"Deichbericht {i}", body = "Die Möwe fliegt über den Deich, Möwe um Möwe, Deich um Deich." });
        }

        // "zu Hause", which the corpus also writes as one word: a pair of words that is as common as its commoner way.
        for (var i = 0; i < 60; i++)
        {
            articles.Add(new { id = $"home-{i:D2}", date = "2020-11-21", title = $"Zuhausebericht {i}", body = "Die Möwe blieb zu Hause am Deich." });
        }

        articles.Add(new { id = "home-lighthouse", date = "2020-11-22", title = "Daheim", body = "Die Möwe blieb zu Hause beim Leuchtturm." });
        articles.Add(new { id = "home-word-1", date = "2020-11-22", title = "Ein Zuhause", body = "Das Zuhause der Möwe ist der Deich." });
        articles.Add(new { id = "home-word-2", date = "2020-11-22", title = "Ein Zuhause", body = "Ein Zuhause am Wasser." });

        // A word in 30 articles: lighter than Leuchtturm (5), though not by three times.
        for (var i = 0; i < 30; i++)
        {
            articles.Add(new { id = $"boat-{i:D2}", date = "2020-11-23", title = $"Kutterbericht {i}", body = "Der Kutter lief am Morgen aus." });
        }

        articles.Add(new { id = "boat-lighthouse", date = "2020-11-23", title = "Heimkehr", body = "Der Kutter fuhr am Leuchtturm vorbei." });

        // Two stopwords misprinted as one word: no word of a query that says "mit dem".
        articles.Add(new { id = "misprint-1", date = "2020-11-23", title = "Radweg", body = "Sie fuhr mitdem Rad zur Arbeit." });
        articles.Add(new { id = "misprint-2", date = "2020-11-23", title = "Ausflug", body = "Er kam mitdem Zug an." });

        // Two words of about equal weight that 12 articles have together, and one of them alone once.
        for (var i = 0; i < 12; i++)
        {
            articles.Add(new { id = $"seal-both-{i:D2}", date = "2020-11-24", title = $"Wattbericht {i}", body = "Ein Seehund liegt auf der Sandbank." });
        }

        articles.Add(new { id = "seal-alone", date = "2020-11-24", title = "Im Watt", body = "Ein Seehund schwimmt vorbei." });

        // Two things set against each other: "vs." chooses nothing (an article that compares something else has it too).
        articles.Add(new { id = "beach-both-1", date = "2020-11-25", title = "Am Strand", body = "Der Strandkorb steht neben der Sandburg." });
        articles.Add(new { id = "beach-both-2", date = "2020-11-25", title = "Am Meer", body = "Vom Strandkorb aus sieht man die Sandburg." });
        articles.Add(new { id = "beach-versus", date = "2020-11-25", title = "Der Vergleich", body = "Strandkorb vs. Liegestuhl: wer gewinnt?" });

        // A scientist the articles name with and without the title; another doctor.
        articles.Add(new { id = "worm-titled", date = "2020-11-26", title = "Besuch am Strand", body = "Dr. Wattwurm erklärt den Sand." });
        articles.Add(new { id = "worm-1", date = "2020-11-26", title = "Am Strand", body = "Wattwurm gräbt im Sand." });
        articles.Add(new { id = "worm-2", date = "2020-11-26", title = "Am Strand", body = "Wattwurm sagt, der Sand sei nass." });
        articles.Add(new { id = "doctor-other", date = "2020-11-26", title = "Sprechstunde", body = "Prof. Dr. Kranich hat heute Sprechstunde." });

        // A month's digest, more than eight times as long as an article (AllWordsFirstLongest): the one article with
        // Kormoran, Seegras and Priel, each once among hundreds of sentences.
        articles.Add(new { id = "digest", date = "2020-12-31", title = "Der Monat im Rückblick", body = Filler(150) + "Ein Kormoran. " + Filler(150) + "Viel Seegras. " + Filler(150) + "Ein Priel." });
        articles.Add(new { id = "wadden-two", date = "2020-12-30", title = "Kormorane am Priel", body = "Der Kormoran fischt im Priel. Kormoran um Kormoran am Priel." });

        // Bernstein, Sammler and suchen: one article has all three, once each in a long text; three are about amber
        // collectors and lack "suchen".
        articles.Add(new { id = "amber-passing", date = "2020-12-29", title = "Ein Wochenende am Meer", body = Filler(10) + "Manche suchen dort Muscheln. " + Filler(10) + "Ein Sammler zeigte uns einen Bernstein. " + Filler(10) });
        for (var i = 0; i < 3; i++)
        {
            articles.Add(new { id = $"amber-about-{i}", date = "2020-12-28", title = $"Am Strand {i}", body = "Der Bernstein ist das Gold der Ostsee. Bernstein, Bernstein, Bernstein: jeder Sammler kennt ihn. Ein Sammler findet Bernstein nach dem Sturm, mancher Sammler jeden Tag Bernstein." });
        }

        // Starfish and jellyfish: one short article has both beside the common "Wetter", the others are about the two and
        // say nothing of the weather.
        articles.Add(new { id = "jelly-passing", date = "2020-12-27", title = "Am Meer", body = "Ein Seestern und eine Qualle lagen am Ufer. " + Filler(2) });
        for (var i = 0; i < 3; i++)
        {
            articles.Add(new { id = $"jelly-about-{i}", date = "2020-12-27", title = $"Im Watt {i}", body = "Der Seestern und die Qualle leben im Watt. Seestern neben Qualle, Qualle neben Seestern." });
        }

        // Reports on the Schanzenfest, which do not print its year, and two news digests that list it with "2021".
        for (var i = 0; i < 3; i++)
        {
            articles.Add(new { id = $"jump-report-{i}", date = "2021-01-02", title = $"Springen in Oberstdorf {i}", body = "Das Schanzenfest begann mit einem Sieg. Beim Schanzenfest sprangen alle weit, und das Schanzenfest geht weiter." });
        }

        for (var i = 0; i < 2; i++)
        {
            articles.Add(new { id = $"jump-digest-{i}", date = "2021-01-03", title = $"Nachrichten am Morgen {i}", body = "Kurz notiert: Das Schanzenfest 2021 beginnt. Der Bürgermeister eröffnet den Markt. Die Preise steigen." });
        }

        // Enough other articles that the coast's words are uncommon (in fewer than one article in fifty), each a few
        // sentences: coast-all is long beside them, and the digest more than eight times their average.
        for (var i = 0; i < 400; i++)
        {
            // Half of them say which year, as a year is in a good share of a corpus's articles.
            articles.Add(new { id = $"town-{i:D3}", date = "2020-12-01", title = i % 2 == 0 ? $"Stadtbericht {i} für 2021" : $"Stadtbericht {i}", body = Filler(10) });
        }

        return articles;
    }

    private static string Filler(int sentences) => string.Concat(Enumerable.Repeat("Die Leute gingen spazieren und redeten über das Wetter. ", sentences));
}

// Checks how many of a query's words an article needs and in which order the matches come: two words need both, unless
// one is far rarer or few articles have both (then those come first, and the articles with either word follow); three
// words whose articles rarely have them all also find articles that miss one, with the few that have all first; three
// words that many articles have together need all three; words in many articles do not match on their own, nor does a
// pair of them that the corpus also writes as one word ("zu Hause", Zuhause); question
// words need not match; a misspelt word of a longer query is still corrected; the scores shown leave out what puts the
// all-word articles first; a digest, or an article that has every word only in passing, is not put first for having
// every word, unless it prints them as typed; pages and cursors agree.
public class WordMatchingTests(WordMatchingFixture fixture) : IClassFixture<WordMatchingFixture>
{
    [Fact]
    public void TwoWordsThatManyArticlesHaveTogetherFindOnlyArticlesWithBoth()
    {
        // Seehund and Sandbank weigh about the same, and 12 articles have both.
        var ids = Ids("Seehund Sandbank");

        Assert.Equal(12, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("seal-both-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoWordsThatFewArticlesHaveTogetherComeFirstThenTheArticlesWithEitherWordAlone()
    {
        // Nebel (4 articles) weighs a little more than Leuchtturm (6); two articles have both. The articles about the
        // lighter word follow too: "NBA Bubble" goes on with the articles about the NBA, not only those saying "Bubble".
        var ids = Ids("Leuchtturm Nebel");
        var strictIds = Ids("Leuchtturm Nebel", RankingWeights.Default with { OneOfTwoWordsBelow = 0 });

        Assert.Equal(["coast-all", "coast-two-1"], strictIds.Order());
        Assert.Equal(["coast-all", "coast-two-1"], ids.Take(2).Order());
        Assert.Equal(["boat-lighthouse", "coast-one", "coast-two-2", "coast-two-3", "harbour-lighthouse", "home-lighthouse"], ids.Skip(2).Order());
    }

    [Fact]
    public void OfTwoWordsTheLighterMayBeMissingWhenTheOtherIsUncommonAndFarHeavier()
    {
        // Leuchtturm (5 articles) weighs far more than Deich (over 200): articles with Leuchtturm alone match too,
        // after the one with both; articles with Deich alone do not.
        var ids = Ids("Leuchtturm Deich");
        var strictIds = Ids("Leuchtturm Deich", RankingWeights.Default with { LighterWordShare = 0, OneOfTwoWordsBelow = 0 });

        Assert.Equal(["harbour-lighthouse"], strictIds);
        Assert.Equal("harbour-lighthouse", ids[0]);
        Assert.Contains("coast-two-1", ids);
        Assert.DoesNotContain("harbour-common-only", ids);
    }

    [Fact]
    public void OfTwoWordsTheLighterMayBeMissingWhenTheOtherIsUncommonAndClearlyHeavierThoughNotThreeTimes()
    {
        // Leuchtturm (6 articles) against Kutter (31): about one and a half times its weight.
        var threeTimesIds = Ids("Leuchtturm Kutter", RankingWeights.Default with { LighterWordShare = 0.75f, OneOfTwoWordsBelow = 0 });

        var ids = Ids("Leuchtturm Kutter");

        Assert.Equal(["boat-lighthouse"], threeTimesIds);
        Assert.Equal("boat-lighthouse", ids[0]);
        Assert.Contains("coast-all", ids);
        Assert.DoesNotContain("boat-00", ids);
    }

    [Fact]
    public void ThreeWordsThatFewArticlesHaveTogetherAlsoFindArticlesMissingOneWithThoseThatHaveAllFirst()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Leuchtturm Nebel Sturmflut", []));

        var ids = result.Hits.Select(hit => hit.Article.Id).ToList();
        Assert.True(4 == result.Total, string.Join(", ", ids));
        Assert.Equal("coast-all", ids[0]);
        Assert.Equal(["coast-two-1", "coast-two-2", "coast-two-3"], ids.Skip(1).Order());
        Assert.DoesNotContain("coast-one", ids);
        // Without the all-words article first, the ones with two words scored more: the score shown is the query's own.
        Assert.True(result.Hits[0].Score < result.Hits.Skip(1).Max(hit => hit.Score));
        Assert.All(result.Hits, hit => Assert.True(hit.Score < 100, $"{hit.Article.Id} shows {hit.Score}"));
    }

    [Fact]
    public void ADigestManyTimesLongerThanAnArticleIsNotPutFirstForHavingEveryWord()
    {
        var ids = Ids("Kormoran Seegras Priel");
        var uncappedIds = Ids("Kormoran Seegras Priel", RankingWeights.Default with { AllWordsFirstLongest = 0 });

        Assert.Equal(["digest", "wadden-two"], uncappedIds);
        // Still a match, ranked by its score: far below the article that is about two of the words.
        Assert.Equal(["wadden-two", "digest"], ids);
    }

    [Fact]
    public void AQuestionRanksItsFewArticlesWithEveryWordByTheirScore()
    {
        // Asked in the reader's own words: the one article that also has "Wetter" is not the answer for that.
        var ids = Ids("Gibt es Seestern und Qualle bei jedem Wetter?");
        var firstIds = Ids("Gibt es Seestern und Qualle bei jedem Wetter?", RankingWeights.Default with { AllWordsFirstForQuestions = true });

        Assert.Equal("jelly-passing", firstIds[0]);
        Assert.StartsWith("jelly-about-", ids[0], StringComparison.Ordinal);
        Assert.Contains("jelly-passing", ids);
    }

    [Fact]
    public void AnArticleThatHasEveryWordOnlyInPassingDoesNotComeBeforeTheArticlesAboutTheTopic()
    {
        // Words not copied from an article (a question, with the rule applied to questions, each word counted): the one
        // article with all three words scores less than half of the articles about amber collectors, which lack "suchen".
        var asWords = RankingWeights.Default with { AllWordsFirstForQuestions = true, LowerCaseOptionalInQuestions = false };
        var ids = Ids("Warum suchen Sammler Bernstein?", asWords);
        var alwaysFirstIds = Ids("Warum suchen Sammler Bernstein?", asWords with { AllWordsFirstNear = 0 });

        Assert.Equal("amber-passing", alwaysFirstIds[0]);
        Assert.Equal(["amber-about-0", "amber-about-1", "amber-about-2"], ids.Take(3).Order());
        Assert.Contains("amber-passing", ids);
    }

    [Fact]
    public void AnArticleThatPrintsEveryWordAsTypedStillComesFirstThoughItScoresLess()
    {
        // The same words as plain words: a reader who copied them from the article means that article.
        var ids = Ids("suchen Sammler Bernstein");

        Assert.Equal("amber-passing", ids[0]);
    }

    [Fact]
    public void ThreeWordsThatManyArticlesHaveTogetherNeedAllThree()
    {
        // The fixture's 110 articles with all three words are "many" below the engine's threshold of 1,000.
        using var searcher = ArticleSearcher.Open(fixture.IndexPath, RankingWeights.Default with { MissingWordsBelow = 100 });

        var result = searcher.Search(new SearchRequest("Deich Möwe Ebbe", []));

        Assert.Equal(WordMatchingFixture.HarbourArticles, result.Total);
        Assert.All(result.Hits, hit => Assert.StartsWith("harbour-", hit.Article.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void QuestionWordsStillScoreWhenManyArticlesHaveEveryWord()
    {
        using var searcher = ArticleSearcher.Open(fixture.IndexPath, RankingWeights.Default with { MissingWordsBelow = 100 });

        var result = searcher.Search(new SearchRequest("Warum Deich Möwe Ebbe", []));

        Assert.Equal(WordMatchingFixture.HarbourArticles, result.Total);
        Assert.Equal("harbour-005", result.Hits[0].Article.Id);
    }

    [Fact]
    public void CommonWordsAloneDoNotMakeAMatchForALongerQuery()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Deich Möwe Leuchtturm", [], 1, 100));

        var ids = result.Hits.Select(hit => hit.Article.Id).ToList();
        Assert.Contains("harbour-lighthouse", ids);
        Assert.DoesNotContain("harbour-common-only", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("harbour-0", StringComparison.Ordinal) || id.StartsWith("harbour-two-", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArticleWithTheOneRareWordOfALongerQueryMatchesWithoutItsCommonWords()
    {
        // Leuchtturm weighs more than Deich and Möwe together (RankingWeights.MatchedShare): it alone is enough, they are not.
        var ids = Ids("Deich Möwe Leuchtturm");
        var countedIds = Ids("Deich Möwe Leuchtturm", RankingWeights.Default with { MatchedShare = 0 });

        Assert.Contains("coast-two-1", ids);
        Assert.DoesNotContain("coast-two-1", countedIds);
        Assert.Contains("harbour-lighthouse", ids);
        Assert.DoesNotContain("harbour-common-only", ids);
    }

    [Fact]
    public void TwoStopwordsAreNotSearchedAsTheOneWordAFewArticlesMisprint()
    {
        var ids = Ids("mit dem Kutter");

        Assert.Equal(31, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("boat-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoCommonWordsTheCorpusAlsoWritesAsOneAreNoUncommonWord()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Möwe zu Hause Leuchtturm", [], 1, 100));

        Assert.Equal("home-lighthouse", result.Hits[0].Article.Id);
        Assert.DoesNotContain(result.Hits, hit => hit.Article.Id.StartsWith("home-0", StringComparison.Ordinal));
    }

    [Fact]
    public void AWordNoArticleHasDoesNotKeepArticlesWithTheOthersOut()
    {
        var without = fixture.Searcher.Search(new SearchRequest("Deich Möwe Ebbe", [], 1, 20) { Typos = false });

        var result = fixture.Searcher.Search(new SearchRequest("Deich Möwe Ebbe Quaxelbrumm", [], 1, 20) { Typos = false });

        Assert.True(result.Total >= WordMatchingFixture.HarbourArticles, $"{result.Total} matches");
        Assert.Equal(without.Total, result.Total);
        Assert.Equal(without.Hits.Select(hit => hit.Article.Id), result.Hits.Select(hit => hit.Article.Id));
    }

    [Fact]
    public void QuestionWordsNeedNotMatch()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Warum gibt es eine Sturmflut?", []));

        Assert.Equal(["coast-all", "coast-two-2", "coast-two-3"], result.Hits.Select(hit => hit.Article.Id).Order());
    }

    [InlineData("Strandkorb vs. Sandburg")]
    [InlineData("Strandkorb vs Sandburg")]
    [InlineData("Strandkorb versus Sandburg")]
    [Theory]
    public void AWordThatSetsTwoSidesAgainstEachOtherNeedNotMatch(string query) =>
        // The two articles with both sides first, as for "Strandkorb Sandburg"; the one with a side and "vs." after them.
        Assert.Equal(Ids("Strandkorb Sandburg"), Ids(query));

    [InlineData("Dr. Wattwurm")]
    [InlineData("Prof. Wattwurm")]
    [Theory]
    public void AnAcademicTitleBeforeANameIsLeftOut(string query) =>
        Assert.Equal(["worm-1", "worm-2", "worm-titled"], Ids(query).Order());

    [Fact]
    public void AYearNeedNotMatchAndAddsItsScoreWhereAnArticlePrintsIt()
    {
        var ids = Ids("Schanzenfest 2021");
        var yearRequired = Ids("Schanzenfest 2021", RankingWeights.Default with { OptionalYears = false });

        Assert.Equal(["jump-digest-0", "jump-digest-1"], yearRequired[..2].Order());
        Assert.Equal(["jump-report-0", "jump-report-1", "jump-report-2"], ids[..3].Order());
        Assert.Equal(["jump-digest-0", "jump-digest-1"], ids[3..].Order());
        Assert.Equal(ids, Ids("Schanzenfest"));
    }

    [Fact]
    public void AMisspeltWordOfALongerQueryIsCorrected()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Leuchturm Nebel Sturmflut", []));

        Assert.Equal("Leuchtturm Nebel Sturmflut", result.DidYouMean);
        Assert.True(result.Fuzzy);
        Assert.Equal("coast-all", result.Hits[0].Article.Id);
    }

    [Fact]
    public void PagesAndCursorsWalkTheSameOrderWhenTheArticlesWithAllWordsComeFirst()
    {
        var request = new SearchRequest("Leuchtturm Nebel Sturmflut", [], 1, 1);
        var byPage = Enumerable.Range(1, 4).Select(page => fixture.Searcher.Search(request with { Page = page }).Hits.Single().Article.Id).ToList();
        var byCursor = new List<string>();
        string? cursor = null;
        do
        {
            var page = fixture.Searcher.Search(request with { Cursor = cursor });
            byCursor.AddRange(page.Hits.Select(hit => hit.Article.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal("coast-all", byPage[0]);
        Assert.Equal(byPage, byCursor);
    }

    [Fact]
    public void AnArticleWithEveryWordOnlyInPassingTakesTheSamePlaceOnEveryPageAndAfterEveryCursor()
    {
        // A first page learns in one pass which of the few articles with every word stay first; a page after a cursor
        // searches the best matches for it first. Both give one order, with the same scores.
        var request = new SearchRequest("Warum suchen Sammler Bernstein?", [], 1, 2);
        var whole = Described(fixture.Searcher.Search(request with { Size = 100 }).Hits);
        var byPage = Enumerable.Range(1, (whole.Count + 1) / 2).SelectMany(page => Described(fixture.Searcher.Search(request with { Page = page }).Hits)).ToList();
        var byCursor = new List<string>();
        string? cursor = null;
        do
        {
            var page = fixture.Searcher.Search(request with { Cursor = cursor });
            byCursor.AddRange(Described(page.Hits));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.StartsWith("amber-about-", whole[0], StringComparison.Ordinal);
        Assert.Contains(whole, hit => hit.StartsWith("amber-passing ", StringComparison.Ordinal));
        Assert.Equal(whole, byPage);
        Assert.Equal(whole, byCursor);

        static List<string> Described(IEnumerable<SearchHit> hits) =>
            [.. hits.Select(hit => $"{hit.Article.Id} {hit.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    // The ids of the first 100 hits of a query, ranked by the engine's weights or by a variant of them.
    private List<string> Ids(string query, RankingWeights? weights = null)
    {
        if (weights is null)
        {
            return Ids(fixture.Searcher, query);
        }

        using var searcher = ArticleSearcher.Open(fixture.IndexPath, weights);
        return Ids(searcher, query);
    }

    private static List<string> Ids(ArticleSearcher searcher, string query) =>
        [.. searcher.Search(new SearchRequest(query, [], 1, 100)).Hits.Select(hit => hit.Article.Id)];
}
