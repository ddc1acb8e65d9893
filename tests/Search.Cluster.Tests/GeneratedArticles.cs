using System.Globalization;
using Search.Core.Documents;

namespace Search.Cluster.Tests;

/// <summary>Small made-up articles, each with a word of its own (the marker, also their ids' prefix) so a search counts exactly them.</summary>
internal static class GeneratedArticles
{
    private static readonly string[] Cities = ["Genf", "Lindau", "Bremen", "Passau", "Kiel", "Jena", "Ulm", "Trier"];

    public static List<NewsArticle> Make(string marker, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new NewsArticle(
            string.Create(CultureInfo.InvariantCulture, $"{marker}-{i}"),
            string.Create(CultureInfo.InvariantCulture, $"Meldung {i} aus {Cities[i % Cities.Length]}"),
            string.Create(CultureInfo.InvariantCulture, $"2021-{1 + (i % 12):00}-{1 + (i % 28):00}"),
            string.Create(CultureInfo.InvariantCulture, $"Die Stadt {Cities[i % Cities.Length]} meldet {marker} Nummer {i}. Der Rat berät am Abend über den Haushalt."),
            Source: "example.de")),
    ];

    /// <summary>Publishes the articles, many at once, and returns the last stream sequence.</summary>
    public static async Task<ulong> PublishAsync(ArticleLog log, IReadOnlyList<NewsArticle> articles)
    {
        ulong last = 0;
        foreach (var chunk in articles.Chunk(256))
        {
            var sequences = await Task.WhenAll(chunk.Select(article => log.PublishAsync(article)));
            last = Math.Max(last, sequences.Max());
        }

        return last;
    }
}
