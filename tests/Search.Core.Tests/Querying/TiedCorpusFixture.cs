using System.Globalization;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Querying;

/// <summary>
/// An index of made-up articles in which every article has copies under other ids (1 to 30 of each, same title, body,
/// date and outlet, so the same score and date), written in random order in several commits (so several segments,
/// each tie spread over them), some copies written again in the last commit (so the older segments hold deleted
/// copies with the same id). Ids start with characters whose UTF-8 order differs from their UTF-16 order.
/// </summary>
public sealed class TiedCorpusFixture : IDisposable
{
    public const int Commits = 6;

    private static readonly string[] Words =
    [
        "Hafen", "Schiff", "Zug", "Wetter", "Regierung", "Schule", "Impfung", "Fußball", "Theater", "Brücke",
    ];

    // "😀" (U+1F600) sorts before "\uFFFD" by UTF-16 code units but after it by UTF-8 bytes, as Lucene sorts.
    private static readonly string[] IdStarts = ["a", "B", "z", "0", "~", "ä", "é", "€", "\uFFFD", "😀", "tie"];

    private static readonly string?[] Outlets = ["example.de", "beispiel.de", null];

    public TiedCorpusFixture()
    {
        IndexPath = TestCorpus.CreateTempFolder("tied-index");
        var random = new Random(20240611);
        var articles = new List<NewsArticle>();
        for (var original = 0; original < 24; original++)
        {
            var title = $"{Words[random.Next(Words.Length)]} und {Words[random.Next(Words.Length)]}";
            var body = string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => Words[random.Next(Words.Length)])) + '.';
            var date = new DateOnly(2020, 1, 1).AddDays(random.Next(12) * 30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var source = Outlets[random.Next(Outlets.Length)];
            for (var copy = random.Next(1, 31); copy > 0; copy--)
            {
                var id = $"{IdStarts[random.Next(IdStarts.Length)]}{random.Next(1000):D3}-{original}-{copy}";
                articles.Add(new NewsArticle(id, title, date, body, Source: source));
            }
        }

        Count = articles.Count;
        var shuffled = articles.OrderBy(_ => random.Next()).ToList();
        using (var writer = ArticleIndexWriter.Open(IndexPath))
        {
            var perCommit = (shuffled.Count + Commits - 1) / Commits;
            foreach (var chunk in shuffled.Chunk(perCommit))
            {
                foreach (var article in chunk)
                {
                    writer.Upsert(article);
                }

                writer.Commit();
            }

            // Written again, unchanged: the new copy lands in a new segment, the old one stays behind, deleted.
            foreach (var article in shuffled.Where((_, index) => index % 7 == 0))
            {
                writer.Delete(article.Id);
                writer.Upsert(article);
            }

            writer.Commit();
        }

        Searcher = ArticleSearcher.Open(IndexPath);
    }

    /// <summary>The number of articles (live ones).</summary>
    public int Count { get; }

    public string IndexPath { get; }

    public ArticleSearcher Searcher { get; }

    public void Dispose() => Searcher.Dispose();
}
