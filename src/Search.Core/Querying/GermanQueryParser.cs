using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// The classic multi-field parser, except that prefix, wildcard and fuzzy words get the same lowercasing and
/// umlaut/ß folding as the index (the classic parser only lowercases them), so <c>Gespräch*</c> finds what
/// <c>Gesprach*</c> finds. They are not stemmed: a prefix of a stem is still a prefix.
/// </summary>
internal sealed class GermanQueryParser(string[] fields, Analyzer analyzer, IDictionary<string, float> boosts)
    : MultiFieldQueryParser(ArticleFields.Version, fields, analyzer, boosts)
{
    private static readonly Analyzer Folding = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new GermanNormalizationFilter(new LowerCaseFilter(ArticleFields.Version, source)));
    });

    protected override Query GetPrefixQuery(string field, string termStr) => base.GetPrefixQuery(field, Fold(termStr));

    protected override Query GetWildcardQuery(string field, string termStr) => base.GetWildcardQuery(field, Fold(termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => base.GetFuzzyQuery(field, Fold(termStr), minSimilarity);

    private static string Fold(string text)
    {
        using var stream = Folding.GetTokenStream(string.Empty, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var folded = stream.IncrementToken() ? term.ToString() : text;
        stream.End();
        return folded;
    }
}
