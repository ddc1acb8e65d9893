using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;

namespace Search.Core.Highlighting;

/// <summary>
/// Builds the snippet of a hit: the best one or two passages of the body (about 100 characters each), the words the
/// query matched wrapped in <c>&lt;mark&gt;</c>, everything else HTML-escaped.
/// </summary>
/// <remarks>
/// Where the query's words occur comes from the index, not from analysing the body again: the body is indexed with
/// the character offsets of every term, so an inflected form ("Gesprächen" for "Gespräch"), and a compound found by
/// one of its parts ("Kontaktbeschränkungen" for "Kontakt"), are marked where the analyzer found them, in a body of
/// any length. A passage is scored by the distinct query words it shows, rare words weighing more (IDF); the second
/// passage preferably shows a query word the first lacks, so "Genf Gespräche" shows both words when it can. A phrase
/// is marked only where its words stand in order.
/// </remarks>
internal static class SnippetBuilder
{
    /// <summary>Characters per passage; two passages make a snippet.</summary>
    public const int PassageLength = 100;

    private const string Separator = " … ";

    // Passages may begin after the end of the previous sentence or clause.
    private static readonly char[] PassageStartJunk = [' ', '.', ',', ';', ':', '!', '?', ')', '–', '-'];

    /// <summary>Lists the body terms and phrases of <paramref name="query"/> with their weights: the words of
    /// excluded clauses and of the words-close-together reward are left out, prefixes and fuzzy words expanded.</summary>
    /// <param name="query">The query whose words are marked.</param>
    /// <param name="reader">The index searched.</param>
    /// <param name="docFreq">How many articles have a term: the search's own lookups (the query already looked its
    /// terms up), or null to ask <paramref name="reader"/>.</param>
    public static Highlight Prepare(Query query, IndexReader reader, Func<Term, int>? docFreq = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        var terms = new HighlightTerms(reader, docFreq ?? reader.DocFreq);
        terms.Visit(query);
        return new Highlight(terms.Terms, terms.Phrases, terms.WordCount);
    }

    /// <summary>The snippet of the article <paramref name="doc"/> (a top-level document number of
    /// <paramref name="reader"/>) whose body is <paramref name="body"/>.</summary>
    public static string Build(Highlight highlight, string body, IndexReader reader, int doc)
    {
        ArgumentNullException.ThrowIfNull(highlight);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(reader);
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var matches = BodyMatches.Find(highlight, leaf.AtomicReader, doc - leaf.DocBase, body.Length);
        if (matches.Count == 0)
        {
            return Lead(body);
        }

        if (body.Length <= 2 * PassageLength)
        {
            // A body no longer than a snippet is shown whole.
            return Render(body, 0, body.Length, matches);
        }

        var passages = Passages.Best(body, matches, highlight.Words);
        return string.Join(Separator, passages.Select(passage => Render(body, passage.Start, passage.End, matches)));
    }

    /// <summary>A short text of the hit (its title or caption), whole and escaped, with the query's words marked where
    /// <paramref name="analyzer"/> finds them in <paramref name="field"/>: a hit that matched only there shows why.</summary>
    /// <remarks>Title and caption are indexed without offsets; they are a line each, so analysing them again costs
    /// little. The body's terms are the same words (one analyzer), so the body's list of terms serves.</remarks>
    public static string Mark(Highlight highlight, string text, Analyzer analyzer, string field)
    {
        ArgumentNullException.ThrowIfNull(highlight);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analyzer);
        if (highlight.Terms.Count == 0 && highlight.Phrases.Count == 0)
        {
            return HtmlTextEncoder.Encode(text);
        }

        var tokens = TokenReader.Read(analyzer, field, text);
        var terms = new Dictionary<string, MarkedTerm>(StringComparer.Ordinal);
        foreach (var marked in highlight.Terms)
        {
            terms.TryAdd(marked.Term.Text, marked);
        }

        var matches = new List<SnippetMatch>();
        foreach (var token in tokens)
        {
            if (terms.TryGetValue(token.Term, out var marked))
            {
                matches.Add(new SnippetMatch(token.Start, token.End, marked.Word, marked.Weight));
            }
        }

        foreach (var phrase in highlight.Phrases)
        {
            foreach (var first in tokens.Where(token => token.Term == phrase.Terms[0].Text))
            {
                var (start, end, complete) = (first.Start, first.End, true);
                for (var k = 1; k < phrase.Terms.Length && complete; k++)
                {
                    var at = first.Position + phrase.Positions[k] - phrase.Positions[0];
                    var next = tokens.FirstOrDefault(token => token.Position == at && token.Term == phrase.Terms[k].Text);
                    complete = next.Term is not null;
                    (start, end) = (Math.Min(start, next.Start), Math.Max(end, next.End));
                }

                if (complete)
                {
                    matches.Add(new SnippetMatch(start, end, phrase.Word, phrase.Weight));
                }
            }
        }

        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return Render(text, 0, text.Length, matches);
    }

    /// <summary>The first ~200 characters of the body, cut at a word boundary, escaped.</summary>
    public static string Lead(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        const int length = 2 * PassageLength;
        var text = body.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        if (text.Length <= length)
        {
            return HtmlTextEncoder.Encode(text);
        }

        var cut = text.LastIndexOf(' ', length);
        return HtmlTextEncoder.Encode(text[..(cut > 0 ? cut : length)]) + " …";
    }

    // The passage [start, end) as one line of escaped text with its matches marked.
    private static string Render(string body, int start, int end, List<SnippetMatch> matches)
    {
        var text = new StringBuilder(end - start + 64);
        var at = start;
        foreach (var match in matches)
        {
            if (match.Start < at || match.End > end)
            {
                // Before the passage, outside it, or inside a mark already written (a compound part at the compound's offsets).
                continue;
            }

            HtmlTextEncoder.Append(text, body.AsSpan(at, match.Start - at));
            text.Append("<mark>");
            HtmlTextEncoder.Append(text, body.AsSpan(match.Start, match.End - match.Start));
            text.Append("</mark>");
            at = match.End;
        }

        HtmlTextEncoder.Append(text, body.AsSpan(at, end - at));
        // One line: a paragraph break becomes one space.
        var passage = text.Replace("\n\n", " ").Replace('\n', ' ').ToString();
        return start == 0 ? passage.TrimEnd() : passage.TrimStart(PassageStartJunk).TrimEnd();
    }
}
