using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Corpus;
using Search.Core.Documents;

namespace Search.Relevance;

/// <summary>
/// Writes known-item query files from a corpus: for sampled articles, a query a reader who remembers the article might
/// type, of four kinds. Its own plain tokenizer and word counts — not the engine's analysis — decide what is a word, a
/// distinctive word, another inflection or a compound, so the sets do not favour our analyzer.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>titles</c>: three or four words of the title, in order.</item>
/// <item><c>body</c>: three distinctive words of the body (in 2 to 40 articles of the corpus).</item>
/// <item><c>inflection</c>: the body set with each word in another inflection (± e, en, n, s, es, er) that occurs in
/// the corpus but not in this article.</item>
/// <item><c>compounds</c>: the two parts of a compound the article uses only whole (both parts capitalised words of the
/// corpus, a linking s allowed, neither part alone in the article), plus one distinctive body word.</item>
/// <item><c>body-hard</c>: two or three capitalised words of the body as printed (two words in two queries of three),
/// each in 3 to 300 articles of the corpus: what a reader remembers of an article is its names and nouns, and those are
/// shared with many others.</item>
/// </list>
/// The kinds draw from their own random streams, so adding a kind leaves the queries of the others as they were.
/// </remarks>
internal static partial class KnownItemGenerator
{
    private static readonly string[] Endings = ["e", "en", "n", "s", "es", "er"];

    public static IReadOnlyList<string> Write(IReadOnlyList<string> corpus, string outFolder, int seed, int perKind)
    {
        var articles = CorpusReader.Read(corpus).Where(record => record.Article is not null).Select(record => record.Article!).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalized = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var word in Words(article.Title + " " + article.Body).Distinct(StringComparer.Ordinal))
            {
                var lower = word.ToLowerInvariant();
                documentFrequency[lower] = documentFrequency.GetValueOrDefault(lower) + 1;
                if (char.IsUpper(word[0]))
                {
                    capitalized[lower] = capitalized.GetValueOrDefault(lower) + 1;
                }
            }
        }

        var random = new Random(seed);
        var hard = new Random(unchecked((seed * 7919) + 17));
        var order = articles.OrderBy(_ => random.Next()).ToList();
        var kinds = new Dictionary<string, List<string>>
        {
            ["titles"] = [], ["body"] = [], ["inflection"] = [], ["compounds"] = [], ["body-hard"] = [],
        };
        foreach (var article in order)
        {
            if (kinds.Values.All(lines => lines.Count >= perKind))
            {
                break;
            }

            var own = Words(article.Title + " " + article.Body).Select(word => word.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var titleWords = Words(article.Title).Where(word => word.Length >= 4).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (titleWords.Count >= 3)
            {
                Add(kinds["titles"], article, titleWords.Take(3 + random.Next(2)));
            }

            var distinctive = Words(article.Body)
                .Where(word => word.Length >= 5 && documentFrequency.GetValueOrDefault(word.ToLowerInvariant()) is >= 2 and <= 40)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(_ => random.Next())
                .Take(3)
                .ToList();
            if (distinctive.Count == 3)
            {
                Add(kinds["body"], article, distinctive);
                var inflected = distinctive.Select(word => OtherForm(word, own, documentFrequency)).ToList();
                if (inflected.All(word => word is not null))
                {
                    Add(kinds["inflection"], article, inflected!);
                }
            }

            var printed = Words(article.Body)
                .Where(word => char.IsUpper(word[0]) && documentFrequency.GetValueOrDefault(word.ToLowerInvariant()) is >= 3 and <= 300)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(_ => hard.Next())
                .Take(hard.Next(3) == 0 ? 3 : 2)
                .ToList();
            if (printed.Count >= 2)
            {
                Add(kinds["body-hard"], article, printed);
            }

            var compound = Words(article.Body)
                .Where(word => word.Length >= 10 && char.IsUpper(word[0]))
                .Distinct(StringComparer.Ordinal)
                .Select(word => Parts(word, own, capitalized))
                .FirstOrDefault(parts => parts is not null);
            if (compound is not null && distinctive.Count > 0)
            {
                Add(kinds["compounds"], article, [compound.Value.First, compound.Value.Second, distinctive[0]]);
            }
        }

        Directory.CreateDirectory(outFolder);
        var written = new List<string>();
        foreach (var (kind, lines) in kinds)
        {
            var path = Path.Combine(outFolder, $"known-items-{kind}-seed{seed}.tsv");
            File.WriteAllLines(path, lines.Take(perKind), new UTF8Encoding(false));
            written.Add($"{path}: {Math.Min(perKind, lines.Count)} queries");
        }

        return written;
    }

    private static void Add(List<string> lines, NewsArticle article, IEnumerable<string> words) =>
        lines.Add($"{article.Id}\t{string.Join(' ', words)}");

    // Another inflection of the word that the corpus has and this article does not.
    private static string? OtherForm(string word, HashSet<string> own, Dictionary<string, int> documentFrequency)
    {
        var lower = word.ToLowerInvariant();
        var candidates = Endings.Select(ending => word + ending)
            .Concat(Endings.Where(ending => lower.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
                .Select(ending => word[..^ending.Length]));
        return candidates
            .Where(form => !own.Contains(form.ToLowerInvariant()) && documentFrequency.GetValueOrDefault(form.ToLowerInvariant()) >= 2)
            .OrderByDescending(form => documentFrequency[form.ToLowerInvariant()])
            .FirstOrDefault();
    }

    // Two capitalised corpus words (each in 20+ articles) that make up the compound, neither of them alone in the article.
    private static (string First, string Second)? Parts(string compound, HashSet<string> own, Dictionary<string, int> capitalized)
    {
        var lower = compound.ToLowerInvariant();
        for (var cut = 4; cut <= lower.Length - 4; cut++)
        {
            foreach (var link in new[] { string.Empty, "s" })
            {
                var first = lower[..cut];
                if (!lower[cut..].StartsWith(link, StringComparison.Ordinal) || lower.Length - cut - link.Length < 4)
                {
                    continue;
                }

                var second = lower[(cut + link.Length)..];
                if (capitalized.GetValueOrDefault(first) >= 20 && capitalized.GetValueOrDefault(second) >= 20 && !own.Contains(first) && !own.Contains(second))
                {
                    return (Capitalize(first), Capitalize(second));
                }
            }
        }

        return null;
    }

    private static string Capitalize(string word) => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    // Composed first (NFC), as a reader types it: "a" and a combining diaeresis is one letter, "ä".
    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text.Normalize(NormalizationForm.FormC)).Select(match => match.Value).Where(word => !Stopwords.Contains(word.ToLowerInvariant()));

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();

    // A short list of German function words, so queries consist of content words (the engines drop stopwords anyway).
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber",
        "mit", "von", "für", "auf", "aus", "bei", "nach", "vor", "über", "unter", "sich", "nicht", "auch", "noch", "wie",
        "wird", "werden", "wurde", "wurden", "sind", "ist", "war", "waren", "hat", "haben", "hatte", "sein", "seine", "ihre",
        "ihr", "sie", "wir", "ich", "man", "als", "dass", "wenn", "nur", "schon", "mehr", "sehr", "dies", "diese", "dieser",
        "dieses", "zum", "zur", "vom", "beim", "ins", "im", "am", "um", "es", "er", "so", "was", "wer", "kann", "können",
        "soll", "sollen", "muss", "müssen", "will", "bis", "durch", "gegen", "ohne", "seit", "zwischen", "alle", "allen",
    };
}
