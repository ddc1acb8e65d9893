using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Search.Core.Analysis;
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

    /// <summary>
    /// The most characters of a body analysed for passages. A longer body (a live blog runs to 300,000) is analysed
    /// only in a window of this size that starts a little before the first place a query word occurs in it.
    /// </summary>
    public const int MaxAnalyzedChars = 20_000;

    // How much of the window lies before the first occurrence, so a passage can start before it.
    private const int WindowLead = 2 * PassageLength;

    private const int Candidates = 8;
    private const string Separator = " … ";

    // Passages are cut by length, so one may begin with the end of the previous sentence's punctuation.
    private static readonly char[] PassageStartJunk = [' ', '.', ',', ';', ':', '!', '?', ')', '–', '-'];

    /// <summary>What highlighting needs of a query, worked out once per search rather than once per hit.</summary>
    /// <param name="Query">The query as <see cref="ForHighlighting"/> gives it.</param>
    /// <param name="Terms">For a query of plain words: its body terms with their IDF weights, so each hit is scored by
    /// a simple term scorer. Null when the query has phrases or prefixes, which need the position-aware scorer.</param>
    public sealed record Highlight(Query Query, WeightedTerm[]? Terms);

    /// <summary>Prepares <paramref name="query"/> for highlighting the hits of one search.</summary>
    public static Highlight Prepare(Query query, IndexReader reader)
    {
        var prepared = ForHighlighting(query, reader);
        return new Highlight(prepared, NeedsPositions(prepared) ? null : QueryTermExtractor.GetIdfWeightedTerms(prepared, reader, ArticleFields.Body));
    }

    public string Build(Highlight highlight, string body, IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(highlight);
        IScorer scorer;
        IFragmenter fragmenter;
        if (highlight.Terms is { } terms)
        {
            scorer = new QueryTermScorer(terms);
            fragmenter = new SimpleFragmenter(PassageLength);
        }
        else
        {
            var spans = new QueryScorer(highlight.Query, reader, ArticleFields.Body);
            (scorer, fragmenter) = (spans, new SimpleSpanFragmenter(spans, PassageLength));
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HtmlTextEncoder.Instance, scorer)
        {
            TextFragmenter = fragmenter,
            MaxDocCharsToAnalyze = MaxAnalyzedChars,
        };

        var query = highlight.Query;
        // A snippet is one line of text: line breaks become spaces (same length, so offsets stay valid).
        var text = Window(query, body).Replace('\n', ' ');
        if (text.Length <= 2 * PassageLength)
        {
            // A body no longer than a snippet is shown whole.
            highlighter.TextFragmenter = new NullFragmenter();
        }

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

    // The whole body, or for a long one the window around the first occurrence of a query word: its stem (or a part's)
    // found in the body lowercased and folded character for character. Words that stem oddly may be missed; then the
    // window is the start of the body, as for a query whose terms cannot be listed (prefixes).
    private static string Window(Query query, string body)
    {
        if (body.Length <= MaxAnalyzedChars)
        {
            return body;
        }

        var terms = new HashSet<Term>();
        try
        {
            query.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            terms.Clear();
        }

        var folded = Fold(body);
        var first = terms
            .Where(term => term.Field == ArticleFields.Body)
            .Select(term => term.Text.TrimStart(CompoundPartMarkFilter.Marker))
            .Where(stem => stem.Length >= 3)
            .Select(stem => folded.IndexOf(stem, StringComparison.Ordinal))
            .Where(at => at >= 0)
            .DefaultIfEmpty(0)
            .Min();
        var start = Math.Max(0, first - WindowLead);
        start = start == 0 ? 0 : body.IndexOf(' ', start) + 1;
        return body.Substring(start, Math.Min(MaxAnalyzedChars, body.Length - start));
    }

    // Lowercase with ä→a, ö→o, ü→u, ß→s: one character for one, so positions in the result are positions in the body.
    private static string Fold(string body) => string.Create(body.Length, body, (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = char.ToLowerInvariant(text[i]) switch
            {
                'ä' => 'a',
                'ö' => 'o',
                'ü' => 'u',
                'ß' => 's',
                var c => c,
            };
        }
    });

    private static bool NeedsPositions(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Any(clause => clause.Occur != Occur.MUST_NOT && NeedsPositions(clause.Query)),
        TermQuery => false,
        ConstantScoreQuery { Query: { } inner } => NeedsPositions(inner),
        _ => true,
    };

    /// <summary>
    /// The query to highlight with: fuzzy words expanded once against the index, instead of once per hit (the
    /// highlighter would build their Levenshtein automata again for every body), and without the proximity reward.
    /// </summary>
    private static Query ForHighlighting(Query query, IndexReader reader)
    {
        switch (query)
        {
            case FuzzyQuery fuzzy:
                return fuzzy.Rewrite(reader);
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    // The words-close-together reward only orders hits; its words are marked anyway, and a sloppy
                    // phrase would make the highlighter index every body in memory to find its spans.
                    if (clause is { Occur: Occur.SHOULD, Query: PhraseQuery { Slop: > 0 } })
                    {
                        continue;
                    }

                    copy.Add(ForHighlighting(clause.Query, reader), clause.Occur);
                }

                return copy;
            default:
                return query;
        }
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
