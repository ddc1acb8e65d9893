namespace Search.Core.Tests.Completion;

/// <summary>
/// Made-up articles for completions: Wirecard in more articles than Wired, the Ministerpräsidentenkonferenz written
/// with its umlaut, Maskenpflicht and Maskenverweigerer beside Masken, München in 2020-03 only and Münchhausen in
/// 2020-04, a Straße, a word only a title has, and a rare word in a single article.
/// </summary>
public sealed class CompletionFixture() : IndexedArticlesFixture("completion", Articles())
{
    public const int WirecardArticles = 6;

    private static List<object> Articles()
    {
        var articles = new List<object>();
        for (var i = 0; i < WirecardArticles; i++)
        {
            articles.Add(new { id = $"wirecard-{i}", date = "2020-06-10", title = $"Bilanzskandal {i}", body = "Der Zahlungsdienstleister Wirecard meldet Insolvenz an. Die Wirecard-Aktie fällt." });
        }

        articles.Add(new { id = "wired-1", date = "2020-06-11", title = "Technik", body = "Das Magazin Wired berichtet über Software." });
        articles.Add(new { id = "wired-2", date = "2020-06-12", title = "Technik", body = "Laut Wired ist das Gerät schnell." });
        for (var i = 0; i < 3; i++)
        {
            articles.Add(new { id = $"mpk-{i}", date = "2020-11-16", title = "Beratungen der Länder", body = "Die Ministerpräsidentenkonferenz tagt am Montag. Der Ministerpräsident äußerte sich." });
        }

        for (var i = 0; i < 4; i++)
        {
            articles.Add(new { id = $"maske-{i}", date = "2020-04-27", title = "Neue Regeln", body = "Ab Montag gilt die Maskenpflicht. Masken sind im Handel knapp." });
        }

        articles.Add(new { id = "verweigerer", date = "2020-08-01", title = "Kontrollen", body = "Maskenverweigerer müssen mit Bußgeldern rechnen. Masken schützen." });
        articles.Add(new { id = "muenchen-1", date = "2020-03-05", title = "Stadtrat", body = "In München wird gewählt. München hat viele Kandidaten." });
        articles.Add(new { id = "muenchen-2", date = "2020-03-06", title = "Wahl", body = "München wählt einen Oberbürgermeister." });
        articles.Add(new { id = "muenchhausen", date = "2020-04-01", title = "Lügengeschichten", body = "Der Baron Münchhausen erzählt von seinen Reisen." });
        articles.Add(new { id = "strasse", date = "2020-05-01", title = "Verkehr", body = "Die Straße ist gesperrt. An der Straße stehen Bäume." });
        articles.Add(new { id = "title-only", date = "2020-05-02", title = "Zugspitzbahn fährt wieder", body = "Der Betrieb auf den Berg läuft an." });
        articles.Add(new { id = "rare", date = "2020-05-03", title = "Kurios", body = "Ein Wiesel wurde gesichtet." });
        return articles;
    }
}
