using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Search.Core.Documents;

namespace Search.Core.Highlighting;

/// <summary>
/// Builds the snippet of a hit: the best one or two passages of the body (about 200 characters in all), the
/// words the query matched wrapped in <c>&lt;mark&gt;</c> (inflected forms too, since the body is analysed
/// with the same analyzer as the query), everything else HTML-escaped.
/// </summary>
/// <remarks>
/// Passages are scored by the query words they hold, rare words weighing more (IDF). The second passage is
/// preferably one that shows a query word the first lacks, so "Genf Gespräche" shows both words when it can.
/// </remarks>
internal sealed partial class SnippetBuilder(Analyzer analyzer)
{
    /// <summary>Characters per passage; two passages make a snippet.</summary>
    public const int PassageLength = 100;

    /// <summary>Only the start of very long bodies (live blogs) is analysed for passages; beyond it the lead is shown.</summary>
    public const int MaxAnalyzedChars = 100_000;

    private const int Candidates = 8;
    private const string Separator = " … ";

    // Passages are cut by length, so one may begin with the end of the previous sentence's punctuation.
    private static readonly char[] PassageStartJunk = [' ', '.', ',', ';', ':', '!', '?', ')', '–', '-'];

    public string Build(Query query, string body, IndexReader reader)
    {
        var scorer = new QueryScorer(query, reader, ArticleFields.Body);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HtmlTextEncoder.Instance, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, PassageLength),
            MaxDocCharsToAnalyze = MaxAnalyzedChars,
        };

        // A snippet is one line of text: line breaks become spaces (same length, so offsets stay valid).
        var text = body.Replace('\n', ' ');
        using var tokens = analyzer.GetTokenStream(ArticleFields.Body, text);
        var candidates = highlighter.GetBestTextFragments(tokens, text, mergeContiguousFragments: false, Candidates)
            .Where(fragment => fragment is not null && fragment.Score > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return Lead(body);
        }

        var first = candidates[0];
        var shown = MarkedTerms(first.ToString());
        var second = candidates.Skip(1).FirstOrDefault(fragment => !MarkedTerms(fragment.ToString()).IsSubsetOf(shown))
            ?? candidates.ElementAtOrDefault(1);

        var passages = (second is null ? [first] : new[] { first, second }).OrderBy(fragment => fragment.FragNum);
        return string.Join(Separator, passages.Select(fragment => fragment.ToString().TrimStart(PassageStartJunk).TrimEnd()));
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

    // The index terms of the marked words, so "Gespräche" and "Gesprächen" count as the same query word.
    private HashSet<string> MarkedTerms(string passage)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match mark in Mark().Matches(passage))
        {
            using var stream = analyzer.GetTokenStream(ArticleFields.Body, mark.Groups[1].Value);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        return terms;
    }

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Mark();
}
