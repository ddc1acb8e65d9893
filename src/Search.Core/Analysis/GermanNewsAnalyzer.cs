using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Search.Core.Documents;

namespace Search.Core.Analysis;

/// <summary>
/// The one analyzer for indexing and querying German news text. Same chain as Lucene's GermanAnalyzer:
/// words → lowercase → drop German stopwords → fold umlauts and ß (ä→a, ae→a, ß→ss) → light stemming.
/// </summary>
public sealed class GermanNewsAnalyzer : Analyzer
{
    /// <summary>The German stopword list (Snowball's, as shipped with Lucene).</summary>
    public static CharArraySet StopWords => GermanAnalyzer.DefaultStopSet;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(ArticleFields.Version, reader);
        TokenStream stream = new StandardFilter(ArticleFields.Version, source);
        stream = new LowerCaseFilter(ArticleFields.Version, stream);
        stream = new StopFilter(ArticleFields.Version, stream, StopWords);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
