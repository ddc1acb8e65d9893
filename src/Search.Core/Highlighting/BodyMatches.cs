using Lucene.Net.Index;
using Search.Core.Documents;

namespace Search.Core.Highlighting;

/// <summary>Where the query's words stand in an article's body: read from the character offsets the index keeps with
/// every body term, so no body is analysed again.</summary>
internal static class BodyMatches
{
    /// <summary>Every place in the body of <paramref name="doc"/> (numbered within <paramref name="reader"/>'s segment)
    /// where a term or phrase of <paramref name="highlight"/> occurs, ordered by offset; none for an index built
    /// before offsets were indexed.</summary>
    public static List<SnippetMatch> Find(Highlight highlight, AtomicReader reader, int doc, int bodyLength)
    {
        var matches = new List<SnippetMatch>();
        var terms = reader.GetTerms(ArticleFields.Body);
        if (terms is null || reader.FieldInfos.FieldInfo(ArticleFields.Body)?.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
        {
            // An index built before offsets were indexed: the caller shows the lead.
            return matches;
        }

        var termsEnum = terms.GetEnumerator();
        DocsAndPositionsEnum? postings = null;
        foreach (var marked in highlight.Terms)
        {
            if (!termsEnum.SeekExact(marked.Term.Bytes))
            {
                continue;
            }

            postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
            if (postings is null || postings.Advance(doc) != doc)
            {
                continue;
            }

            for (var i = postings.Freq; i > 0; i--)
            {
                postings.NextPosition();
                if (postings.StartOffset >= 0 && postings.EndOffset <= bodyLength)
                {
                    matches.Add(new SnippetMatch(postings.StartOffset, postings.EndOffset, marked.Word, marked.Weight));
                }
            }
        }

        foreach (var phrase in highlight.Phrases)
        {
            matches.AddRange(PhraseMatches(phrase, termsEnum, doc, bodyLength));
        }

        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return matches;
    }

    // The spans where every term of the phrase stands at its position relative to the first.
    private static List<SnippetMatch> PhraseMatches(MarkedPhrase phrase, TermsEnum termsEnum, int doc, int bodyLength)
    {
        // Per term: position -> (start, end) offsets in this document.
        var occurrences = new Dictionary<int, (int Start, int End)>[phrase.Terms.Length];
        for (var k = 0; k < phrase.Terms.Length; k++)
        {
            if (!termsEnum.SeekExact(phrase.Terms[k].Bytes))
            {
                return [];
            }

            var postings = termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            if (postings is null || postings.Advance(doc) != doc)
            {
                return [];
            }

            occurrences[k] = [];
            for (var i = postings.Freq; i > 0; i--)
            {
                var position = postings.NextPosition();
                occurrences[k][position] = (postings.StartOffset, postings.EndOffset);
            }
        }

        var found = new List<SnippetMatch>();
        foreach (var (position, first) in occurrences[0])
        {
            var (start, end) = first;
            var complete = true;
            for (var k = 1; k < phrase.Terms.Length && complete; k++)
            {
                complete = occurrences[k].TryGetValue(position + phrase.Positions[k] - phrase.Positions[0], out var next);
                (start, end) = (Math.Min(start, next.Start), Math.Max(end, next.End));
            }

            if (complete && start >= 0 && end <= bodyLength)
            {
                found.Add(new SnippetMatch(start, end, phrase.Word, phrase.Weight));
            }
        }

        return found;
    }
}
