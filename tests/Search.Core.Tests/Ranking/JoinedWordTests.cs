using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>
/// Made-up articles where two common query words also make a rare word ("Corona Regeln": Corona is in most articles,
/// Regeln in hundreds, Coronaregeln in three, two of them as one word): one article is about a funeral, and another is
/// about the Corona rules and mentions a funeral once.
/// </summary>
public sealed class JoinedWordFixture() : IndexedArticlesFixture("joined-word", Articles())
{
    private static IEnumerable<object> Articles() =>
        [
            new { id = "rules-joined-1", date = "2020-11-01", title = "Neue Coronaregeln", body = "Die Coronaregeln gelten ab Montag." },
            new { id = "rules-joined-2", date = "2020-11-02", title = "Coronaregeln", body = "Wer die Coronaregeln bricht, zahlt." },
            new { id = "rules-passing", date = "2020-11-03", title = "Was jetzt gilt", body = "Die Corona-Regeln gelten ab Montag. Die Corona-Regeln sind streng. Auch eine Beerdigung ist betroffen." },
            new { id = "funeral-about", date = "2020-11-04", title = "Abschied im kleinen Kreis", body = "Die Beerdigung war klein. Zur Beerdigung kamen zehn Leute, wegen Corona. Nach der Beerdigung gingen alle nach Hause, so wollen es die Regeln für eine Beerdigung. Eine Beerdigung ist kein Fest." },
            new { id = "funeral-other", date = "2020-11-05", title = "Friedhof", body = "Eine Beerdigung im Regen." },
            .. Enumerable.Range(1, 60).Select(i => new { id = $"corona-{i}", date = "2020-10-01", title = "Lage", body = $"Corona bleibt das Thema in der Stadt, sagen die Leute am Markt, und es wird nicht weniger darüber geredet, Tag {i}." }),
            .. Enumerable.Range(1, 250).Select(i => new { id = $"regeln-{i}", date = "2020-10-02", title = "Verein", body = $"Die Regeln des Vereins gelten für alle Mitglieder, ob jung oder alt, und der Vorstand achtet darauf, Teil {i}." }),
            .. Enumerable.Range(1, 300).Select(i => new { id = $"town-{i}", date = "2020-10-03", title = "Stadt", body = $"Die Leute gingen am Abend spazieren und redeten lange über Corona, das Wetter und den Garten, Abend {i}." }),
        ];
}

public sealed class JoinedWordTests(JoinedWordFixture fixture) : IClassFixture<JoinedWordFixture>
{
    [Fact]
    public void TheRareWordTwoQueryWordsMakeDoesNotPutAnArticleThatMentionsTheTopicOnceFirst()
    {
        var ids = Ids(fixture.Searcher);
        using var uncapped = ArticleSearcher.Open(fixture.IndexPath, RankingWeights.Default with { JoinedCap = 0 });

        Assert.Equal("rules-passing", Ids(uncapped)[0]);
        Assert.Equal("funeral-about", ids[0]);
    }

    private static List<string> Ids(ArticleSearcher searcher) =>
        [.. searcher.Search(new SearchRequest("Beerdigung Corona Regeln", [], 1, 100)).Hits.Select(hit => hit.Article.Id)];
}
