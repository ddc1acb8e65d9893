using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Tests.Analysis;

public class InvariantLowerCaseFilterTests
{
    [Theory]
    [InlineData("ÄRZTE Öl ÜBER STRAẞE Maß")]
    [InlineData("İstanbul ΣΟΦΙΑ Ångström ÉCOLE Łódź ČSSR")]
    [InlineData("𐐀𐐁 deseret 𐐨 and a lone \ud801 surrogate")]
    [InlineData("ABCxyz 123 ß ǅ ǈ Ⅻ ⓐⒶ")]
    public void LowercasesExactlyAsLucenesLowerCaseFilter(string text) =>
        Assert.Equal(Tokens(text, source => new LowerCaseFilter(ArticleFields.Version, source)), Tokens(text, source => new InvariantLowerCaseFilter(source)));

    [Fact]
    public void LowercasesEveryLatinCharacterExactlyAsLucenesLowerCaseFilter()
    {
        // Latin-1 and Latin Extended-A and -B (the filter's table), and the first characters after them.
        var text = string.Join(' ', Enumerable.Range(0x21, 0x2ff - 0x20).Where(c => !char.IsWhiteSpace((char)c)).Select(c => $"{(char)c}x{(char)c}"));

        Assert.Equal(Tokens(text, source => new LowerCaseFilter(ArticleFields.Version, source)), Tokens(text, source => new InvariantLowerCaseFilter(source)));
    }

    private static List<string> Tokens(string text, Func<Tokenizer, TokenStream> lower)
    {
        var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new WhitespaceTokenizer(ArticleFields.Version, reader);
            return new TokenStreamComponents(source, lower(source));
        });
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
