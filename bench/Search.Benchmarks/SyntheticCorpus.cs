using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Search.Benchmarks;

/// <summary>
/// Writes synthetic German news articles (JSON Lines, the indexer's format) from a fixed word list, so the benchmarks
/// run where the real corpus is absent. Content words follow a Zipf law, so a few are in most articles and most are
/// rare; every query word of the benchmarks occurs, and "Angela Merkel" occurs as a phrase. Dates span 2020-02 to
/// 2021-03, as in the real corpus. The same count and seed give the same file. For large, realistic corpora use
/// <c>bench/Search.CorpusGenerator</c>, which recombines the real corpus's sentences.
/// </summary>
internal static class SyntheticCorpus
{
    /// <summary>Part of the cache key: change it when the output changes.</summary>
    public const int Version = 2;

    private static readonly string[] FunctionWords =
    [
        "der", "die", "das", "und", "in", "mit", "von", "für", "auf", "nicht", "ist", "hat", "wird", "werden", "sich",
        "auch", "nach", "bei", "über", "zum", "zur", "ein", "eine", "einen", "dem", "den", "des", "im", "am", "als",
        "noch", "schon", "wie", "aber", "oder", "so", "nur", "mehr", "sei", "seien", "sagte", "hatte", "wurde", "vor",
    ];

    // Most frequent first: rank decides frequency (then comes a long tail of made-up words, as a real vocabulary has).
    // Includes every word the query benchmarks search for, ranked so they match roughly 5-20 % of the articles.
    private static readonly string[] ContentWords =
    [
        "Corona", "Regierung", "Menschen", "Prozent", "Jahr", "Land", "Deutschland", "Millionen", "Woche", "Berlin",
        "Politik", "Pandemie", "Zahl", "Stadt", "Bundesregierung", "Maßnahmen", "Unternehmen", "Wirtschaft", "Europa", "Gesundheit", "Polizei", "Kinder", "Euro", "Krise",
        "Virus", "Infektionen", "Experten", "Gericht", "Wahl", "Partei", "Minister", "Kanzlerin", "Behörden", "Beschränkungen", "Lockdown", "Studie", "Frankreich", "Bürger", "Präsident",
        "Verhandlungen", "Länder", "Kommission", "Klinik", "Ärzte", "Patienten",
        "Forscher", "Daten", "Bericht", "Entscheidung", "Kritik", "Vorschlag", "Gesetz", "Opposition", "Union",
        "Grüne", "Sozialdemokraten", "Koalition", "Haushalt", "Schulden", "Steuern", "Arbeit", "Beschäftigte",
        "Gewerkschaft", "Streik", "Bahn", "Verkehr", "Flughafen", "Klima", "Energie", "Strom", "Preise", "Mieten",
        "Wohnungen", "Häuser", "Straße", "Straßen", "Dorf", "Region", "Bayern", "Sachsen", "Hamburg", "München",
        "Köln", "Frankfurt", "Wien", "Zürich", "Genf", "Brüssel", "Washington", "Moskau", "Peking", "London",
        "Vereinten", "Nationen", "Sicherheit", "Armee", "Konflikt", "Frieden", "Grenze", "Flüchtlinge", "Asyl",
        "Integration", "Bildung", "Universität", "Studenten", "Lehrer", "Unterricht", "Digitalisierung", "Internet",
        "Netz", "Software", "Konzern", "Börse", "Aktien", "Banken", "Zinsen", "Inflation", "Export", "Handel",
        "Zölle", "Autoindustrie", "Elektroautos", "Landwirtschaft", "Bauern", "Umwelt", "Wald", "Wasser", "Hitze",
        "Sturm", "Hochwasser", "Feuerwehr", "Unfall", "Prozess", "Urteil", "Anklage", "Staatsanwaltschaft",
        "Ermittlungen", "Festnahme", "Demonstration", "Protest", "Versammlung", "Kultur", "Theater", "Museum",
        "Konzert", "Film", "Buch", "Ministerpräsident", "Bundestag", "Schulen", "Impfstoff", "Gespräche", "Zulassung",
        "Schließung", "Fußball", "Bundesliga", "Trainer", "Mannschaft", "Olympia", "Stadion",
        "Fans", "Saison", "Impfung", "Impfzentrum", "Testzentrum", "Quarantäne", "Inzidenz", "Intensivstation",
        "Pflegeheim", "Mutation", "Variante", "Lieferung", "Hersteller", "Vertrag", "Abkommen", "Gipfel",
        "Treffen", "Konferenz", "Einigung", "Streit", "Rücktritt", "Nachfolger", "Kandidat", "Umfrage", "Mehrheit",
    ];

    private static readonly string[] Syllables =
    [
        "ber", "ga", "lin", "mo", "ter", "au", "en", "ko", "ra", "li", "vi", "zu", "hei", "strom", "wald", "mar", "kt",
        "stei", "nach", "wer", "bund", "feld", "dorf", "ach", "un", "ge", "ver", "lo", "sa", "ni", "ta", "tor", "hof",
    ];

    private const int TailWords = 20_000;

    private static readonly string[] Sources = ["zeit.de", "faz.net", "sueddeutsche.de", "spiegel.de", "tagesschau.de"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="articles"/> articles, one JSON object per line.</summary>
    public static void Write(TextWriter writer, int articles, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(new Random(seed + 1));
        var zipf = ZipfTable(vocabulary.Length, exponent: 1.0);
        for (var i = 0; i < articles; i++)
        {
            var month = new DateOnly(2020, 2, 1).AddMonths(random.Next(14));
            var article = new
            {
                id = $"synthetic-{i:D6}",
                date = month.AddDays(random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                title = Sentence(random, vocabulary, zipf, random.Next(5, 10), functionShare: 0.2).TrimEnd('.'),
                body = Body(random, vocabulary, zipf),
                source = Sources[random.Next(Sources.Length)],
            };
            writer.WriteLine(JsonSerializer.Serialize(article, Json));
        }
    }

    private static string[] Vocabulary(Random random) =>
    [
        .. ContentWords,
        .. Enumerable.Range(0, TailWords).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]))),
    ];

    private static string Body(Random random, string[] vocabulary, double[] zipf)
    {
        var paragraphs = Enumerable.Range(0, random.Next(3, 10))
            .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentence(random, vocabulary, zipf, random.Next(8, 18), functionShare: 0.45))));
        return string.Join("\n\n", paragraphs);
    }

    private static string Sentence(Random random, string[] vocabulary, double[] zipf, int words, double functionShare)
    {
        var text = new StringBuilder();
        var phraseAt = random.NextDouble() < 0.01 ? random.Next(words) : -1;
        for (var w = 0; w < words; w++)
        {
            var word = w == phraseAt ? "Angela Merkel"
                : random.NextDouble() < functionShare ? FunctionWords[random.Next(FunctionWords.Length)]
                : vocabulary[Sample(random, zipf)];
            text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? '.' : ' ');
        }

        return text.ToString();
    }

    private static double[] ZipfTable(int n, double exponent)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var rank = 1; rank <= n; rank++)
        {
            sum += 1.0 / Math.Pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Sample(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
