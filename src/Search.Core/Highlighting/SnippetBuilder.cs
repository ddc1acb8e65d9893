using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Search.Core.Documents;

namespace Search.Core.Highlighting;

/// <summary>
/// Builds the snippet of a hit: the best one or two passages of the body (about 200 characters in all), the
/// words the query matched wrapped in <c>&lt;mark&gt;</c> (inflected forms too, since the body is analysed
/// with the same analyzer as the query), everything else HTML-escaped.
/// </summary>
internal sealed class SnippetBuilder(Analyzer analyzer)
{
    /// <summary>Characters per passage; two passages make a snippet.</summary>
    public const int PassageLength = 100;

    /// <summary>Only the start of very long bodies (live blogs) is analysed for passages; beyond it the lead is shown.</summary>
    public const int MaxAnalyzedChars = 100_000;

    private const string Separator = " … ";

    // Passages are cut by length, so one may begin with the end of the previous sentence's punctuation.
    private static readonly char[] PassageStartJunk = [' ', '.', ',', ';', ':', '!', '?', ')', '–', '-'];

    public string Build(Query query, string body)
    {
        var scorer = new QueryScorer(query, ArticleFields.Body);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HtmlTextEncoder.Instance, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, PassageLength),
            MaxDocCharsToAnalyze = MaxAnalyzedChars,
        };

        // A snippet is one line of text: paragraph breaks become spaces (same length, so offsets stay valid).
        var text = body.Replace('\n', ' ');
        using var tokens = analyzer.GetTokenStream(ArticleFields.Body, text);
        var passages = highlighter.GetBestFragments(tokens, text, 2);
        var marked = passages
            .Select(passage => passage.TrimStart(PassageStartJunk).TrimEnd())
            .Where(passage => passage.Contains("<mark>", StringComparison.Ordinal))
            .ToArray();
        return marked.Length > 0 ? string.Join(Separator, marked) : Lead(body);
    }

    /// <summary>The first ~200 characters of the body, cut at a word boundary, escaped.</summary>
    public static string Lead(string body)
    {
        const int length = 2 * PassageLength;
        var text = body.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        if (text.Length <= length)
        {
            return HtmlTextEncoder.Encode(text);
        }

        var cut = text.LastIndexOf(' ', length);
        return HtmlTextEncoder.Encode(text[..(cut > 0 ? cut : length)]) + " …";
    }
}
