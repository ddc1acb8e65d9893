using Search.Core.Querying;
using Search.Core.Spelling;

namespace Search.Core.Tests.Spelling;

// Checks that the typo retry and "did you mean" take a typed umlaut as chosen: "Fährre" is Fähre with a doubled r,
// not führe (ä → ü is no longer one edit, though the index folds both to a vowel); a vowel and its own umlaut stay no
// edit ("Fahrre" finds Fähre too); words typed without umlauts keep their plain edits ("Fuhrre" may find führe).
public sealed class UmlautTypoFixture() : IndexedArticlesFixture("umlaut-typos", Articles())
{
    private static object[] Articles() =>
        [
            new { id = "faehre-1", date = "2020-05-10", title = "Neue Fähre für die Insel", body = "Die Fähre nach Helgoland legt ab Juni zweimal am Tag ab." },
            new { id = "fuehre-1", date = "2020-05-11", title = "Ein Gespräch", body = "Ich führe das Gespräch gern, sagte die Ministerin." },
            new { id = "fuehre-2", date = "2020-05-12", title = "Ein Interview", body = "Ich führe keine Liste, sagte der Trainer." },
        ];
}

public sealed class UmlautTypoTests(UmlautTypoFixture fixture) : IClassFixture<UmlautTypoFixture>
{
    [Fact]
    public void AMisspeltWordWithAnUmlautFindsTheWordWithThatUmlautOnly()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Fährre", []));

        Assert.Equal("Fähre", result.DidYouMean);
        Assert.True(result.Fuzzy);
        Assert.Equal(["faehre-1"], result.Hits.Select(hit => hit.Article.Id));
    }

    [Theory]
    [InlineData("Faehrre")] // ae written for ä
    [InlineData("Fahrre")] // the umlaut left out: a and ä are the same letter to the index
    public void AnUmlautWrittenOtherwiseIsTheSameLetter(string query)
    {
        var result = fixture.Searcher.Search(new SearchRequest(query, []));

        Assert.Equal("faehre-1", result.Hits[0].Article.Id);
    }

    [Fact]
    public void AVowelTypedWithoutUmlautMayStillBeOneEditFromAnother()
    {
        var result = fixture.Searcher.Search(new SearchRequest("Fuhrre", []));

        Assert.Contains(result.Hits, hit => hit.Article.Id == "fuehre-1");
    }

    [Theory]
    [InlineData("fahrr", "fahr", 1)] // the doubled r
    [InlineData("fahrr", "fuhr", 3)] // ä typed, u written: two, and the r
    [InlineData("fahr", "fuhr", 2)]
    [InlineData("fahr", "fahrt", 1)]
    [InlineData("fahr", "farh", 1)] // neighbours swapped
    public void ATypedUmlautTurnedIntoAnotherVowelCountsTwoEdits(string term, string candidate, int edits)
    {
        var umlauts = TypoDistance.TypedUmlauts(term, term == "fahrr" ? "Fährre" : "Fähre");

        Assert.Equal(edits, TypoDistance.Distance(term, candidate, umlauts));
    }

    [Theory]
    [InlineData("Fähre", "fahr", new[] { false, true, false, false })]
    [InlineData("Faehre", "fahr", new[] { false, true, false, false })]
    [InlineData("Fahre", "fahr", null)]
    [InlineData("Bauer", "bau", null)] // "ue" after a vowel is no umlaut
    [InlineData("Müller", "mull", new[] { false, true, false, false })]
    [InlineData("Straße", "strass", null)]
    public void TypedUmlautsAreFoundAtTheirPlaceInTheFoldedTerm(string typed, string term, bool[]? umlauts)
    {
        Assert.Equal(umlauts, TypoDistance.TypedUmlauts(term, typed));
    }
}
