using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Search.Core.Documents;

namespace Search.Core.Analysis;

/// <summary>
/// The analyzer for German news text. Same chain as Lucene's GermanAnalyzer — words → lowercase → drop German
/// stopwords → fold umlauts and ß (ä→a, ae→a, ß→ss), then other marked letters (ğ→g, é→e: <see cref="ASCIIFoldingFilter"/>)
/// → light stemming, with a word in a vowel, p, w or c + s, or in
/// -eln, -arn or -rrn, also given without its last letter (<see cref="FinalLetterFilter"/>), a gender form with a
/// capital I also as its word (<see cref="CapitalIFilter"/>), the genitive s of -ers/-ors dropped first
/// (<see cref="GenitiveFilter"/>) and a word in -ern or -em also kept unstemmed (<see cref="OwnEndingFilter"/>) — plus,
/// when given a
/// <see cref="CompoundSplitter"/>, the parts of compounds after each compound, marked as parts
/// (<see cref="CompoundPartMarkFilter"/>), and the compound two neighbouring words make ("Corona-Krise": coronakrise,
/// <see cref="CompoundJoinFilter"/>). Queries are analysed without splitting: a query word matches a whole word
/// as itself and a compound part as <see cref="CompoundPartMarkFilter.PartTerm"/>.
/// </summary>
/// <remarks>The chain depends on the field (captions are not split), so components are reused per field: Lucene's
/// default reuses the first field's chain for every field.</remarks>
public sealed class GermanNewsAnalyzer(CompoundSplitter? compounds = null) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    /// <summary>The token type of a word's other form, added at its position where the stemmer cannot tell which form
    /// is right (<see cref="FinalLetterFilter"/>, <see cref="OwnEndingFilter"/>) or that a word is made of
    /// (<see cref="CapitalIFilter"/>): a query takes it as an alternative to the word.</summary>
    public const string OtherFormType = "<OTHER_FORM>";

    /// <summary>The German stopword list (Snowball's, as shipped with Lucene).</summary>
    public static CharArraySet StopWords => GermanAnalyzer.DefaultStopSet;

    // One word lowercased and folded as the analyzer folds it, not stemmed.
    private static readonly Analyzer Folding = NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new GermanNormalizationFilter(new InvariantLowerCaseFilter(source))));
    });

    /// <summary><paramref name="word"/> lowercased with umlauts, ß and ae/oe/ue folded as the index folds them (Gespräch →
    /// gesprach), not stemmed: for prefixes and fuzzy words (a prefix of a stem is still a prefix) and dictionary words.</summary>
    internal static string Fold(string word)
    {
        using var stream = Folding.GetTokenStream(string.Empty, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var folded = stream.IncrementToken() ? term.ToString() : word;
        stream.End();
        return folded;
    }

    /// <summary>The compounds this analyzer splits; empty when it does not split.</summary>
    public CompoundSplitter Compounds { get; } = compounds ?? CompoundSplitter.Empty;

    // Apostrophes and underscores end a word ("O'Leary" → o, leary; "Alias_Canetti" → alias, canetti): the tokenizer
    // would keep them inside one token, so a reader typing the name alone would not find it.
    protected override TextReader InitReader(string fieldName, TextReader reader) => new WordBreakCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (source, stream) = Normalize(reader);
        // Captions (names and credits) are searched as whole words only; their parts would only cost index space.
        var splitting = Compounds.Count > 0 && fieldName != ArticleFields.Caption;
        if (splitting)
        {
            stream = new CompoundSplitFilter(new CompoundJoinFilter(stream, Compounds), Compounds);
        }

        stream = new GermanLightStemFilter(new OwnEndingFilter(new GenitiveFilter(new FinalLetterFilter(stream))));
        if (splitting)
        {
            stream = new CompoundPartMarkFilter(stream);
        }

        return new TokenStreamComponents(source, stream);
    }

    private static (Tokenizer Source, TokenStream Stream) Normalize(TextReader reader)
    {
        var source = new StandardTokenizer(ArticleFields.Version, reader);
        TokenStream stream = new CapitalizedMarkFilter(new DottedWordFilter(new StandardFilter(ArticleFields.Version, source)));
        stream = new InvariantLowerCaseFilter(new CapitalIFilter(stream));
        stream = new StopFilter(ArticleFields.Version, stream, StopWords);
        stream = new GermanNormalizationFilter(stream);
        // Then the other letters with marks, as readers type them without ("Erdogan": the corpus prints Erdoğan and
        // Erdogan about equally often; "Babis", "Maiziere", "Cafe"). The German ones are folded above, German-style.
        stream = new ASCIIFoldingFilter(stream);
        return (source, stream);
    }
}
