namespace Search.Core.Tests.Querying;

/// <summary>
/// An index of <see cref="Count"/> made-up articles, article i holding the word <c>wort{i:D4}</c> (wort0001 … wort3000),
/// so a prefix matches a known number of distinct terms and a match-all search has real work to collect.
/// </summary>
public sealed class SyntheticCorpusFixture() : IndexedArticlesFixture("synthetic", Articles())
{
    public const int Count = 3000;

    private static IEnumerable<object> Articles() => Enumerable.Range(1, Count).Select(i => (object)new
    {
        id = $"synthetic-{i:D4}",
        date = $"{2000 + (i % 20)}-{1 + (i % 12):D2}-15",
        title = $"Meldung Nummer {i}",
        body = $"Der Bericht über wort{i:D4} erschien am Morgen. Das Wetter bleibt wechselhaft, sagt der Wetterdienst.",
        source = i % 2 == 0 ? "example.de" : "beispiel.de",
    });
}
