using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Tests.Analysis;

// Checks, on a dictionary learned from a few made-up sentences: a capitalised word that reads end to end as known
// nouns is split (with a linking s); a stray known word inside another is not split off (wand + alterung); words
// rarer than the part threshold, adjectives and words more common than their parts stay whole; the analyzer indexes
// the whole word and the marked parts at its position with its offsets; two neighbouring words the corpus also writes
// as one stand as that word too; the dictionary survives a save and load.
public class CompoundSplitterTests
{
    private static readonly CompoundSplitter Splitter = CompoundSplitter.Learn(Enumerable.Repeat(
        "Der Kontakt und die Beschränkungen. Der Verkehr und der Minister. Die Wand und die Alterung. " +
        "Ein Gespräch ist fern. Der Impfstoff und der Hersteller. Der Impf und der Stoff. " +
        "Der Impfstoff. Der Impfstoff. Der Impfstoff. Das Stück war lang. Die Samen sind klein.", 12));

    [Theory]
    [InlineData("kontaktbeschrankungen", "kontakt", "beschrankungen")]
    [InlineData("verkehrsminister", "verkehr", "minister")]
    [InlineData("ferngesprach", "fern", "gesprach")]
    [InlineData("impfstoffhersteller", "impfstoff", "hersteller")]
    public void CompoundOfKnownWordsIsSplitIntoThem(string word, string first, string second) =>
        Assert.Equal([first, second], Parts(word));

    [Theory]
    [InlineData("wandhalterung")] // wand + h + alterung: "h" is no word, and "halterung" is unknown
    [InlineData("impfstoff")] // more common than impf and stoff: stays whole
    [InlineData("kontakt")]
    [InlineData("kontaktbeschrankungenxy")]
    public void WordThatIsNotACompoundOfKnownWordsStaysWhole(string word) =>
        Assert.Empty(Parts(word));

    [Fact]
    public void AdjectiveIsNotSplitEvenWhereItReadsAsKnownWords()
    {
        Assert.Equal(["lang", "samen"], Parts("langsamen"));
        Assert.DoesNotContain(Terms("die langsamen Züge"), term => term.StartsWith(CompoundPartMarkFilter.Marker));
    }

    [Fact]
    public void AnalyzerIndexesTheWholeCompoundAndItsMarkedPartsAtOnePosition() =>
        Assert.Equal(
        [
            ("neu", 1, 0, 4),
            ("kontaktbeschrankung", 1, 5, 26),
            ("§kontakt", 0, 5, 26),
            ("§beschrankung", 0, 5, 26),
            ("heut", 1, 27, 32),
        ], Tokens("Neue Kontaktbeschränkungen heute"));

    [Fact]
    public void NeighbouringWordsTheCorpusWritesAsOneAlsoStandAsThatWordSpanningBoth() =>
        Assert.Equal(
        [
            ("impf", 2, 4, 8),
            ("impfstoff", 0, 4, 14),
            ("stoff", 1, 9, 14),
            ("kommt", 1, 15, 20),
        ], Tokens("Der Impf-Stoff kommt"));

    [Theory]
    [InlineData("Der Impf  Stoff kommt")] // two characters apart
    [InlineData("der impf-stoff kommt")] // not capitalised
    [InlineData("Der Kontakt-Minister kommt")] // not a word of the corpus
    public void NeighbouringWordsAreNotJoinedIntoAWordTheCorpusDoesNotWrite(string text) =>
        Assert.DoesNotContain(Tokens(text), token => token.Term is "impfstoff" or "kontaktminist");

    private static List<(string Term, int Increment, int Start, int End)> Tokens(string text)
    {
        using var analyzer = new GermanNewsAnalyzer(Splitter);
        using var stream = analyzer.GetTokenStream(ArticleFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, int, int, int)>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    [Fact]
    public void CaptionIsNotSplitEvenByAnAnalyzerThatJustSplitATitle()
    {
        using var analyzer = new GermanNewsAnalyzer(Splitter);

        Assert.Contains("§kontakt", Terms(analyzer, ArticleFields.Title, "Kontaktbeschränkungen"));
        Assert.Equal(["kontaktbeschrankung"], Terms(analyzer, ArticleFields.Caption, "Kontaktbeschränkungen"));
        Assert.Contains("§kontakt", Terms(analyzer, ArticleFields.Body, "Kontaktbeschränkungen"));
    }

    [Fact]
    public void LowercaseWordsAreNotSplit() =>
        Assert.DoesNotContain(Terms("die kontaktbeschränkungen"), term => term.StartsWith(CompoundPartMarkFilter.Marker));

    [Fact]
    public void SavedDictionaryLoadsWithTheSameSplits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"compounds-{Guid.NewGuid():N}.tsv");
        try
        {
            Splitter.Save(path);
            var loaded = CompoundSplitter.Load(path);

            Assert.Equal(Splitter.Count, loaded.Count);
            Assert.Equal(Splitter.Split("kontaktbeschrankungen"), loaded.Split("kontaktbeschrankungen"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingDictionaryFileSplitsNothing() =>
        Assert.Equal(0, CompoundSplitter.Load("/no/such/folder/compound-words.tsv").Count);

    private static string[] Parts(string word) =>
        [.. Splitter.Split(word).Select(part => word.Substring(part.Start, part.Length))];

    private static List<string> Terms(string text)
    {
        using var analyzer = new GermanNewsAnalyzer(Splitter);
        return Terms(analyzer, ArticleFields.Body, text);
    }

    private static List<string> Terms(GermanNewsAnalyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
