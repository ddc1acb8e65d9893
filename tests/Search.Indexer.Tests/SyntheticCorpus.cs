using System.Globalization;
using System.Text;
using System.Text.Json;
using Search.Tests.Shared;

namespace Search.Indexer.Tests;

/// <summary>
/// A made-up German-ish corpus written as JSON Lines into a temp folder: unique ids, dates spread over months,
/// bodies of a few KB so that indexing it takes the indexer a few seconds. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Subjects =
    [
        "Der Stadtrat", "Die Bürgerinitiative", "Der Landkreis", "Die Feuerwehr", "Der Sportverein", "Die Verkehrsbetriebe",
        "Das Gymnasium", "Die Handwerkskammer", "Der Heimatverein", "Die Stadtbibliothek", "Der Ortsbeirat", "Die Polizei",
    ];

    private static readonly string[] Verbs =
    [
        "beschließt", "plant", "verschiebt", "diskutiert", "eröffnet", "prüft", "fordert", "kritisiert", "feiert", "erneuert",
    ];

    private static readonly string[] Objects =
    [
        "den neuen Radweg", "die Sanierung der Turnhalle", "das Sommerfest", "den Haushalt für das kommende Jahr",
        "eine zusätzliche Buslinie", "den Umbau des Marktplatzes", "die Erweiterung des Kindergartens", "mehr Parkplätze",
        "das Hochwasserkonzept", "die Zukunft des Freibads", "den Ausbau der Ortsumgehung", "ein neues Gewerbegebiet",
    ];

    private static readonly string[] Places =
    [
        "Kleinwaldau", "Oberbrunnstedt", "Mühlhagen", "Lindenfurt", "Tannenbrück", "Wiesenroda", "Bergheimstett",
        "Altmarkhausen", "Seeblick am Rhön", "Hasenwinkel", "Steinachtal", "Rosenfelde",
    ];

    private static readonly string[] Sentences =
    [
        "Nach langer Debatte stimmte eine knappe Mehrheit für den Vorschlag der Verwaltung.",
        "Die Anwohner hatten sich seit Monaten über den Lärm und den dichten Verkehr beschwert.",
        "Ein Sprecher kündigte an, die Arbeiten sollten noch vor dem Winter beginnen.",
        "Die Kosten werden auf mehrere hunderttausend Euro geschätzt, ein Teil kommt aus Fördermitteln des Landes.",
        "Kritiker bemängeln, dass die Bürger zu spät über die Pläne informiert worden seien.",
        "Im Gemeindesaal drängten sich am Dienstagabend mehr als zweihundert Besucher.",
        "Die Bürgermeisterin zeigte sich zufrieden und sprach von einem wichtigen Schritt für die Region.",
        "Bei strahlendem Sonnenschein kamen Familien mit Kindern, Vereine und Musikgruppen zusammen.",
        "Ob der Zeitplan zu halten ist, hängt nach Angaben des Bauamts vor allem vom Wetter ab.",
        "Die Opposition kündigte an, das Thema in der nächsten Sitzung erneut auf die Tagesordnung zu setzen.",
        "Ein Gutachten soll bis zum Frühjahr klären, ob der alte Baumbestand erhalten werden kann.",
        "Die örtlichen Händler hoffen auf mehr Kundschaft in der Innenstadt.",
        "Eine Umleitung über die Nachbargemeinde ist ausgeschildert, teilte das Ordnungsamt mit.",
        "Der Kassenwart legte einen ausgeglichenen Bericht vor und wurde einstimmig entlastet.",
        "Viele Ehrenamtliche halfen beim Aufbau der Stände und beim Ausschank.",
        "Die Schülerinnen und Schüler präsentierten ihre Projekte zum Klimaschutz in der Aula.",
        "Auch die Kreisverwaltung will sich an den Kosten für die Planung beteiligen.",
        "Wegen der Baustelle bleibt die Brücke über den Mühlbach für Lastwagen gesperrt.",
        "Am Wochenende rückten die Einsatzkräfte zu mehreren kleineren Bränden aus, verletzt wurde niemand.",
        "Der Vorstand dankte allen Mitgliedern für ihr Engagement in einem schwierigen Jahr.",
    ];

    private SyntheticCorpus(string folder, IReadOnlyDictionary<string, string> titles)
    {
        Folder = folder;
        Titles = titles;
    }

    /// <summary>The folder holding the <c>.jsonl</c> files.</summary>
    public string Folder { get; }

    /// <summary>Every article id in the corpus with the title it was written with.</summary>
    public IReadOnlyDictionary<string, string> Titles { get; }

    public int Count => Titles.Count;

    /// <summary>Writes <paramref name="articles"/> articles, split evenly over <paramref name="files"/> JSON Lines files.</summary>
    /// <param name="articles">How many articles; their ids are <c>synth-00000</c> upwards.</param>
    /// <param name="files">How many files to spread them over.</param>
    /// <param name="seed">Seeds the text; the same seed gives the same articles.</param>
    /// <param name="edition">Above 1: the same ids and dates with a changed title and body, so re-indexing updates every article.</param>
    public static SyntheticCorpus Create(int articles, int files, int seed, int edition = 1)
    {
        var folder = TestCorpus.CreateTempFolder($"crash-corpus-{edition}");
        var random = new Random(seed);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstDay = new DateOnly(2019, 1, 1);
        var perFile = (articles + files - 1) / files;

        for (var file = 0; file < files; file++)
        {
            using var writer = new StreamWriter(Path.Combine(folder, $"teil-{file + 1}.jsonl"), append: false, new UTF8Encoding(false));
            for (var i = file * perFile; i < Math.Min(articles, (file + 1) * perFile); i++)
            {
                var id = $"synth-{i:D5}";
                var place = Places[random.Next(Places.Length)];
                var title = $"{Subjects[random.Next(Subjects.Length)]} in {place} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} ({i})";
                var date = firstDay.AddDays(random.Next(0, 540)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var body = Body(random, place, i);
                if (edition > 1)
                {
                    title += $" – Fassung {edition}";
                    body += $"\n\nAktualisiert: Fassung {edition} dieses Berichts.";
                }

                titles.Add(id, title);
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    id,
                    date,
                    title,
                    body,
                    source = $"lokalbote-{place.Split(' ')[0].ToLowerInvariant()}.example",
                }));
            }
        }

        return new SyntheticCorpus(folder, titles);
    }

    // About 2-4 KB: paragraphs of shuffled stock sentences plus a number, so the text is not one repeated block.
    private static string Body(Random random, string place, int number)
    {
        var text = new StringBuilder();
        var target = random.Next(2_000, 4_000);
        while (text.Length < target)
        {
            for (var sentence = random.Next(3, 7); sentence > 0; sentence--)
            {
                text.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
            }

            text.Append(CultureInfo.InvariantCulture, $"In {place} ist das Vorhaben Nummer {number + random.Next(1_000)} im Gespräch.\n\n");
        }

        return text.ToString().TrimEnd();
    }
}
