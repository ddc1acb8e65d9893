using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Scoring;

namespace Search.Core.Ranking;

/// <summary>
/// A query's words as the reader typed them (<see cref="AsTypedFirst"/>), with the index terms an article that prints
/// them so has in its body: whether an article prints every word as typed, read from its text
/// (<see cref="PrintedBy"/>) or, far cheaper, told apart from the body's postings (<see cref="MayBePrintedBy"/>).
/// </summary>
/// <remarks>
/// The body is indexed with each word's character offsets (for snippets), so the length of what an article prints at a
/// term's place is known without its text: a word typed "Gerichten" is printed as typed where the term gericht spans
/// nine characters, not where it spans "Gericht" or "Gerichts". Reading the hits' text in turn took a top-10 search
/// from 0.22 to 0.35 ms (p50, the peers' 200 queries); the postings answer for them (most often for the best hit alone),
/// and the text is read only to confirm the one hit that would move.
/// </remarks>
internal sealed class TypedWords
{
    private static readonly string[] JoinedLinks = [.. CompoundSplitter.Links, "-"];

    private readonly QueryFactory? _queries;
    private readonly string[][] _terms;

    // For each word but the last, the index terms (and printed lengths) of it written together with the next word
    // ("Wirtschafts Soziologie": Wirtschaftssoziologie, or with a linking s), analysed when first needed.
    private readonly (string Term, int Length)[]?[] _joined;

    private TypedWords(QueryFactory? queries, IReadOnlyList<string> written, string[][] terms)
    {
        _queries = queries;
        Written = written;
        _terms = terms;
        _joined = new (string Term, int Length)[]?[Math.Max(0, written.Count - 1)];
    }

    /// <summary>No words: the query is no copy of an article's words.</summary>
    public static TypedWords None { get; } = new(null, [], []);

    /// <summary>The words as typed.</summary>
    public IReadOnlyList<string> Written { get; }

    /// <summary>How many words.</summary>
    public int Count => Written.Count;

    /// <summary>Each word as typed with the index term the query searches it by.</summary>
    public IEnumerable<(string Term, string Written)> Words => Written.Select((word, i) => (_terms[i][0], word));

    /// <summary>The words of <paramref name="tokens"/> (distinct, ignoring case) and the terms
    /// <paramref name="queries"/> indexes them and their joined forms as.</summary>
    public static TypedWords Of(QueryFactory queries, IEnumerable<QueryToken> tokens)
    {
        var written = new List<string>();
        var terms = new List<string[]>();
        foreach (var (term, word, _, otherForm) in tokens)
        {
            var at = written.FindIndex(seen => string.Equals(seen, word, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                continue;
            }

            written.Add(word);
            terms.Add(otherForm is null ? [term] : [term, otherForm]);
        }

        return new TypedWords(queries, written, [.. terms]);
    }

    /// <summary>Whether the article <paramref name="doc"/> (a top-level document number), read from its stored text,
    /// prints every word as typed (ignoring case), in its headline, body or caption, or two neighbouring words written as
    /// one (the reader split a compound: "Wirtschafts Soziologie" for "Wirtschaftssoziologie", also with a compound's
    /// linking element or a hyphen).</summary>
    public bool PrintedBy(IndexSearcher searcher, int doc)
    {
        var article = ArticleDocument.FromDocument(searcher.Doc(doc));
        var found = new bool[Count];
        for (var i = 0; i < Count; i++)
        {
            found[i] |= InArticle(article, Written[i]);
            if (i + 1 < Count && JoinedLinks.Any(link => InArticle(article, Written[i] + link + Written[i + 1])))
            {
                found[i] = found[i + 1] = true;
            }
        }

        return found.All(has => has);
    }

    /// <summary>For each of <paramref name="docs"/>, whether it may print every word as typed: each word (or its joined
    /// form) is in its body where one of the word's terms spans as many characters as were typed, or in its headline or
    /// caption as typed. An article that prints them passes, unless its body alone joins two of them with a linking
    /// element other than s ("Tag Zeitung" printed "Tageszeitung"); one that passes prints them or, seldom, another form
    /// of the same length ("Gerichtes" for "Gerichten"), which <see cref="PrintedBy"/> tells apart.</summary>
    /// <param name="reader">The search's snapshot.</param>
    /// <param name="lookups">The search's term states: the query's words were looked up by the search.</param>
    /// <param name="docs">Top-level document numbers.</param>
    public bool[] MayBePrintedBy(IndexReader reader, TermLookups lookups, IReadOnlyList<int> docs)
    {
        var found = new bool[docs.Count][];
        for (var hit = 0; hit < docs.Count; hit++)
        {
            found[hit] = new bool[Count];
        }

        var leaves = reader.Leaves;
        var byLeaf = Enumerable.Range(0, docs.Count).GroupBy(hit => ReaderUtil.SubIndex(docs[hit], leaves))
            .Select(inLeaf => (Leaf: leaves[inLeaf.Key], Hits: inLeaf.OrderBy(hit => docs[hit]).ToList()))
            .ToList();
        foreach (var (leaf, hits) in byLeaf)
        {
            for (var i = 0; i < Count; i++)
            {
                foreach (var term in _terms[i])
                {
                    MarkPrinted(leaf, lookups, term, Written[i].Length, hits, docs, found, i, i);
                }
            }
        }

        // The headline and caption (the summary, a few hundred bytes) only where the body falls short.
        for (var hit = 0; hit < docs.Count; hit++)
        {
            if (found[hit].All(has => has))
            {
                continue;
            }

            var summary = ArticleDocument.Summary(reader, docs[hit]);
            for (var i = 0; i < Count; i++)
            {
                found[hit][i] |= InHeadline(summary, Written[i]);
                if (i + 1 < Count && JoinedLinks.Any(link => InHeadline(summary, Written[i] + link + Written[i + 1])))
                {
                    found[hit][i] = found[hit][i + 1] = true;
                }
            }
        }

        for (var i = 0; i + 1 < Count; i++)
        {
            foreach (var (leaf, hits) in byLeaf)
            {
                if (hits.Any(hit => !found[hit][i] || !found[hit][i + 1]))
                {
                    foreach (var (term, length) in Joined(i))
                    {
                        MarkPrinted(leaf, lookups, term, length, hits, docs, found, i, i + 1);
                    }
                }
            }
        }

        return [.. found.Select(words => words.All(has => has))];
    }

    // Word i and the next written as one, as the index has them: the second in lower case ("Bundes Länder":
    // Bundesländer), directly or with a linking s, as QueryFactory joins them.
    private (string Term, int Length)[] Joined(int i) => _joined[i] ??=
    [
        .. new[] { Written[i] + Written[i + 1].ToLowerInvariant(), Written[i] + "s" + Written[i + 1].ToLowerInvariant() }
            .Select(text => (Text: text, Tokens: _queries!.Tokens(text)))
            .Where(joined => joined.Tokens.Count > 0 && joined.Tokens[0].Original == joined.Text)
            .Select(joined => (joined.Tokens[0].Term, joined.Text.Length)),
    ];

    // Marks words first..last of each hit (in doc order, all in leaf) whose body has term spanning `length` characters.
    private static void MarkPrinted(AtomicReaderContext leaf, TermLookups lookups, string term, int length, List<int> hits, IReadOnlyList<int> docs, bool[][] found, int first, int last)
    {
        DocsAndPositionsEnum? postings = null;
        foreach (var hit in hits)
        {
            if (found[hit][first] && found[hit][last])
            {
                continue;
            }

            if (postings is null)
            {
                var bodyTerm = new Term(ArticleFields.Body, term);
                if (lookups.States(bodyTerm).Get(leaf.Ord) is not { } state || TermLookups.Offsets(leaf, bodyTerm, state) is not { } opened)
                {
                    return;
                }

                postings = opened;
            }

            var target = docs[hit] - leaf.DocBase;
            var doc = postings.DocID >= target ? postings.DocID : postings.Advance(target);
            if (doc == DocIdSetIterator.NO_MORE_DOCS)
            {
                return;
            }

            if (doc != target)
            {
                continue;
            }

            for (var occurrence = postings.Freq; occurrence > 0; occurrence--)
            {
                postings.NextPosition();
                if (postings.EndOffset - postings.StartOffset == length)
                {
                    found[hit][first] = found[hit][last] = true;
                    break;
                }
            }
        }
    }

    private static bool InHeadline(NewsArticle summary, string word) =>
        Has(summary.Title, word) || (summary.Caption is { } caption && Has(caption, word));

    private static bool InArticle(NewsArticle article, string word) =>
        Has(article.Title, word) || Has(article.Body, word) || (article.Caption is { } caption && Has(caption, word));

    // The word as a whole word of text, ignoring case.
    private static bool Has(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
