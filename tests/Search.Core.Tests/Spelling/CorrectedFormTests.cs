using Search.Core.Querying;

namespace Search.Core.Tests.Spelling;

// Checks that "did you mean" writes the corrected word in the form the reader meant, even where the index term is
// shared with more frequent words that the first articles print ("Fähre", "Fahrer" and "fahren" are all "fahr"), and
// that the retry then leaves out words one umlaut away ("führe").
public sealed class CorrectedFormFixture() : IndexedArticlesFixture("corrected-form", Articles())
{
    // Twenty articles about drivers and driving come first in the index, the ferry after them.
    private static IEnumerable<object> Articles() =>
        Enumerable.Range(0, 20).Select(i => (object)new { id = $"fahrer-{i:D2}", date = "2020-05-01", title = "Im Verkehr", body = i % 2 == 0 ? "Der Fahrer hielt an der Ampel." : "Wir fahren morgen nach Kiel." })
            .Append(new { id = "faehre-1", date = "2020-05-10", title = "Neue Verbindung", body = "Die Fähre nach Helgoland legt ab Juni zweimal am Tag ab." })
            .Append(new { id = "fuehre-1", date = "2020-05-11", title = "Ein Gespräch", body = "Ich führe das Gespräch gern, sagte die Ministerin." });
}

public sealed class CorrectedFormTests(CorrectedFormFixture fixture) : IClassFixture<CorrectedFormFixture>
{
    [Fact]
    public void DidYouMeanWritesTheFormClosestToWhatWasTypedNotTheFormOfTheFirstArticles()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Fährre", [], 1, 30));

        Assert.Equal("Fähre", result.DidYouMean);
        Assert.Contains(result.Hits, hit => hit.Article.Id == "faehre-1");
        Assert.DoesNotContain(result.Hits, hit => hit.Article.Id == "fuehre-1");
    }
}
