using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>A word of the query: its index term, the text it came from, its position, and the other form the analyzer
/// adds where the stemmer cannot tell which is right (<see cref="FinalLetterFilter"/>, <see cref="OwnEndingFilter"/>).</summary>
internal readonly record struct QueryToken(string Term, string Original, int Position, string? OtherForm = null)
{
    /// <summary>The words of <paramref name="text"/> as <paramref name="analyzer"/> reads them in the body.</summary>
    public static List<QueryToken> Read(Analyzer analyzer, string text)
    {
        var tokens = new List<QueryToken>();
        foreach (var token in TokenReader.Read(analyzer, ArticleFields.Body, text))
        {
            if (token.Type == GermanNewsAnalyzer.OtherFormType && tokens.Count > 0)
            {
                tokens[^1] = tokens[^1] with { OtherForm = token.Term };
                continue;
            }

            tokens.Add(new QueryToken(token.Term, text[token.Start..token.End], token.Position));
        }

        return tokens;
    }
}
