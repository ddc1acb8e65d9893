using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Tests.Analysis;

// Checks: lowercasing; ä/ae/a, ö/oe, ü/ue and ß/ss meet; plural and case endings are stemmed away;
// stopwords are dropped; empty input gives no terms; apostrophes, underscores and colons end a word; the genitive s after
// -er/-or/-ar/-ir/-hr/-eur, -em and -ern goes, the s of Kurs or kontrovers stays; a word in a vowel, p, w or c + s also
// stands without it, and one in -eln without the n; a word in -ern or -em also stands whole.
public class GermanNewsAnalyzerTests
{
    private static readonly GermanNewsAnalyzer Analyzer = new();

    [Theory]
    [InlineData("Häuser", "haus")]
    [InlineData("Haeuser", "haus")]
    [InlineData("Haus", "haus")]
    [InlineData("HAUS", "haus")]
    [InlineData("Straße", "strass")]
    [InlineData("Strasse", "strass")]
    [InlineData("Gespräch", "gesprach")]
    [InlineData("Gespräche", "gesprach")]
    [InlineData("Gesprächen", "gesprach")]
    [InlineData("Gespraechen", "gesprach")]
    [InlineData("Schaltflächen", "schaltflach")]
    [InlineData("Schaltflaechen", "schaltflach")]
    [InlineData("Ministerpräsidenten", "ministerprasident")]
    [InlineData("Ministerpräsident", "ministerprasident")]
    [InlineData("Bürger", "burg")]
    public void WordIsIndexedAsItsNormalisedStem(string word, string term) =>
        Assert.Equal([term], Terms(word));

    [Theory]
    [InlineData("Bürgermeisters", "Bürgermeister")]
    [InlineData("Mediziners", "Mediziner")]
    [InlineData("Direktors", "Direktor")]
    [InlineData("Kommissars", "Kommissar")]
    [InlineData("Wesirs", "Wesir")]
    [InlineData("Hackers", "Hacker")]
    [InlineData("Systems", "System")]
    [InlineData("Gesundheitssystems", "Gesundheitssystem")]
    [InlineData("Konzerns", "Konzern")]
    [InlineData("Bayerns", "Bayern")]
    [InlineData("Verkehrs", "Verkehr")]
    [InlineData("Regisseurs", "Regisseur")]
    public void GenitiveIsStemmedAsTheWordItself(string genitive, string word) =>
        Assert.Equal(Terms(word), Terms(genitive));

    [Theory]
    [InlineData("Konkurs", "Konkurse")] // -urs: the s belongs to the word
    [InlineData("Diskurs", "Diskurse")]
    [InlineData("kontrovers", "kontroverse")] // -vers
    public void WordWhoseSIsItsOwnKeepsMeetingItsInflections(string word, string inflected) =>
        Assert.Equal(Terms(inflected), Terms(word));

    [Theory]
    [InlineData("Autos", new[] { "autos", "auto" })]
    [InlineData("Chinas", new[] { "chinas", "china" })]
    [InlineData("Handys", new[] { "handys", "handy" })]
    [InlineData("Profis", new[] { "profis", "profi" })]
    [InlineData("seriös", new[] { "serios", "serio" })]
    [InlineData("Klaus", new[] { "klaus" })] // -us: would meet klauen
    [InlineData("Ergebnis", new[] { "ergebnis" })]
    [InlineData("Omas", new[] { "omas" })] // shorter than five letters
    [InlineData("Trumps", new[] { "trumps", "trump" })]
    [InlineData("Tipps", new[] { "tipps", "tipp" })]
    [InlineData("Interviews", new[] { "interviews", "interview" })]
    [InlineData("Comics", new[] { "comics", "comic" })]
    public void WordEndingInAnSTheStemmerKeepsIsAlsoIndexedWithoutTheS(string word, string[] terms) =>
        Assert.Equal(terms, Terms(word));

    [Theory]
    [InlineData("Regeln", "Regel")]
    [InlineData("Inseln", "Insel")]
    [InlineData("Mitteln", "Mittel")]
    [InlineData("Artikeln", "Artikel")]
    [InlineData("Nachbarn", "Nachbar")]
    [InlineData("Herrn", "Herr")]
    public void PluralInNTheStemmerKeepsIsAlsoIndexedAsTheWordItself(string plural, string word) =>
        Assert.Contains(Assert.Single(Terms(word)), Terms(plural));

    [Fact]
    public void WordWhoseElnIsItsOwnKeepsMeetingItsInflections() =>
        Assert.Contains(Assert.Single(Terms("einzelne")), Terms("einzeln"));

    [Theory]
    [InlineData("Konzern", new[] { "konz", "konzern" })]
    [InlineData("Konzerns", new[] { "konz", "konzern" })]
    [InlineData("Konzerne", new[] { "konzern" })]
    [InlineData("Konzernen", new[] { "konzern" })]
    [InlineData("modern", new[] { "mod", "modern" })]
    [InlineData("moderne", new[] { "modern" })]
    [InlineData("Kindern", new[] { "kind", "kindern" })] // a dative plural still meets "Kinder"
    [InlineData("Kinder", new[] { "kind" })]
    [InlineData("Stern", new[] { "stern" })] // too short for the stemmer's -ern
    [InlineData("Problem", new[] { "probl", "problem" })]
    [InlineData("Probleme", new[] { "problem" })]
    [InlineData("System", new[] { "syst", "system" })]
    [InlineData("Systems", new[] { "syst", "system" })]
    [InlineData("großem", new[] { "gross", "grossem" })] // a dative -em still meets "groß"
    public void WordInErnOrEmIsAlsoKeptWholeBesideItsStem(string word, string[] terms) =>
        Assert.Equal(terms, Terms(word));

    [Theory]
    [InlineData("SchülerInnen", new[] { "schulerinn", "schul" })]
    [InlineData("LehrerIn", new[] { "lehrerin", "lehr" })]
    [InlineData("Innen", new[] { "inn" })] // the word itself
    [InlineData("INNEN", new[] { "inn" })]
    public void GenderFormWithACapitalIAlsoStandsAsItsWord(string word, string[] terms) =>
        Assert.Equal(terms, Terms(word));

    [Fact]
    public void GermanStopwordsAreDropped() =>
        Assert.Equal(["genf", "gesprach"], Terms("in Genf und die Gespräche mit der"));

    [Fact]
    public void EmptyInputHasNoTerms() => Assert.Empty(Terms(string.Empty));

    [Fact]
    public void HyphenatedWordsAreSplitIntoTheirParts() =>
        Assert.Equal(["corona", "kris"], Terms("Corona-Krise"));

    [Theory]
    [InlineData("O'Leary", new[] { "o", "leary" })]
    [InlineData("O’Sullivan", new[] { "o", "sullivan" })]
    [InlineData("Nutzer_Canetti", new[] { "nutz", "canetti" })]
    [InlineData("Schulminister:innen", new[] { "schulminist", "inn" })]
    [InlineData("Lehrer·innen", new[] { "lehr", "inn" })]
    [InlineData("ZEIT:Hamburg", new[] { "zeit", "hamburg" })]
    public void ApostrophesUnderscoresAndColonsEndAWord(string text, string[] terms) =>
        Assert.Equal(terms, Terms(text));

    [Theory]
    [InlineData("St.Wendel", new[] { "st.wendel", "st", "wendel" })]
    [InlineData("zeit.de", new[] { "zeit.d", "zeit", "de" })]
    [InlineData("3.5", new[] { "3.5" })]
    [InlineData("Wendel", new[] { "wendel" })]
    public void DottedWordIsKeptWithItsParts(string text, string[] terms) =>
        Assert.Equal(terms, Terms(text));

    private static List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream(ArticleFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
