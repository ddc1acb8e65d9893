using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Scoring;
using Search.Core.Spelling;

namespace Search.Core.Ranking;

/// <summary>
/// A query's words as the reader typed them (<see cref="AsTypedFirst"/>), with the index terms an article that prints
/// them so has in its body: whether an article prints every word as typed, read from its text
/// (<see cref="PrintedBy"/>) or, far cheaper, told apart from the body's postings (<see cref="MayBePrintedBy"/>), and
/// which few articles print them all (<see cref="FewPrintingEvery"/>).
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

    /// <summary>How many headlines per article <see cref="FewPrintingEvery"/> may find it reads for the word in the
    /// fewest articles; with more, none (a bound on its cost).</summary>
    private const int HeadlinesPerFew = 4;

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

    /// <summary>The articles that print every word as typed (top-level document numbers, in order), when they are 1 to
    /// <paramref name="few"/> and each word is uncommon: the rarest in at most <paramref name="most"/> articles in any
    /// form, and each printed as typed in the bodies of at most <paramref name="most"/> articles and of more than a word
    /// the spelling rule takes as possibly misspelt (<see cref="Suggestions.KnownWordArticles"/>); else none. Read from
    /// the body's postings (a word is printed as typed where one of its terms spans as many characters as were typed),
    /// the rarest word first and each next only where the ones before it are printed, and from the headlines that have
    /// the rarest word; the few are then confirmed from their stored text (<see cref="PrintedBy"/>), as the postings
    /// also pass another form as long as the typed one ("Parteitages" for "Parteitagen").</summary>
    /// <param name="searcher">The search's snapshot.</param>
    /// <param name="lookups">The search's term states.</param>
    /// <param name="few">The most articles that may print them all.</param>
    /// <param name="most">The most articles a word as typed may be printed in.</param>
    public int[] FewPrintingEvery(IndexSearcher searcher, TermLookups lookups, int few, int most)
    {
        if (Count < 2 || few < 1)
        {
            return [];
        }

        var reader = searcher.IndexReader;
        var articles = Enumerable.Range(0, Count).Select(i => _terms[i].Sum(term => lookups.DocFreq(new Term(ArticleFields.Body, term)))).ToArray();
        int[] order = [.. Enumerable.Range(0, Count).OrderBy(i => articles[i])];
        if (articles[order[0]] > most || Printing(reader, lookups, order[0], most) is not { Count: > Suggestions.KnownWordArticles } docs)
        {
            return [];
        }

        var inBody = docs;
        foreach (var i in order.Skip(1))
        {
            inBody = PrintingAmong(reader, lookups, i, inBody);
        }

        if (inBody.Count > few)
        {
            return [];
        }

        // An article may print a word in its headline or caption only ("Geänderte Impfreihenfolge könnte" is a headline).
        var headlined = InTitles(reader, lookups, order[0], few * HeadlinesPerFew)?.Except(docs).ToList() ?? [];
        var inHeadline = MayBePrintedBy(reader, lookups, headlined);
        int[] may = [.. inBody.Concat(headlined.Where((_, hit) => inHeadline[hit])).Order()];
        if (may.Length == 0 || may.Length > few
            || order.Skip(1).Any(i => Printing(reader, lookups, i, most) is not { Count: > Suggestions.KnownWordArticles }))
        {
            return [];
        }

        return [.. may.Where(doc => PrintedBy(searcher, doc))];
    }

    // The articles (top-level document numbers, in order) whose bodies print word i as typed; null when more than `most`.
    private List<int>? Printing(IndexReader reader, TermLookups lookups, int i, int most)
    {
        var printing = new HashSet<int>();
        foreach (var leaf in reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            foreach (var term in _terms[i])
            {
                var bodyTerm = new Term(ArticleFields.Body, term);
                if (lookups.States(bodyTerm).Get(leaf.Ord) is not { } state || TermLookups.Offsets(leaf, bodyTerm, state) is not { } postings)
                {
                    continue;
                }

                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    if ((live is null || live.Get(doc)) && Spans(postings, Written[i].Length) && printing.Add(leaf.DocBase + doc) && printing.Count > most)
                    {
                        return null;
                    }
                }
            }
        }

        return [.. printing.Order()];
    }

    // The articles of docs (top-level document numbers, in order) whose bodies print word i as typed.
    private List<int> PrintingAmong(IndexReader reader, TermLookups lookups, int i, List<int> docs)
    {
        var printing = new List<int>();
        var leaves = reader.Leaves;
        foreach (var inLeaf in docs.GroupBy(doc => ReaderUtil.SubIndex(doc, leaves)))
        {
            var leaf = leaves[inLeaf.Key];
            var postings = _terms[i].Select(term => new Term(ArticleFields.Body, term))
                .Select(term => lookups.States(term).Get(leaf.Ord) is { } state ? TermLookups.Offsets(leaf, term, state) : null)
                .OfType<DocsAndPositionsEnum>()
                .ToList();
            foreach (var doc in inLeaf)
            {
                var target = doc - leaf.DocBase;
                if (postings.Any(terms => (terms.DocID >= target ? terms.DocID : terms.Advance(target)) == target && Spans(terms, Written[i].Length)))
                {
                    printing.Add(doc);
                }
            }
        }

        return printing;
    }

    // The articles (top-level document numbers) whose headlines have a term of word i; null when more than `most`.
    private List<int>? InTitles(IndexReader reader, TermLookups lookups, int i, int most)
    {
        var titled = new List<int>();
        foreach (var leaf in reader.Leaves)
        {
            foreach (var term in _terms[i])
            {
                var titleTerm = new Term(ArticleFields.Title, term);
                if (lookups.States(titleTerm) is var states && states.DocFreq > most)
                {
                    return null;
                }

                if (states.Get(leaf.Ord) is not { } state)
                {
                    continue;
                }

                var postings = TermLookups.Postings(leaf, titleTerm, state, leaf.AtomicReader.LiveDocs);
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    titled.Add(leaf.DocBase + doc);
                }
            }
        }

        return [.. titled.Distinct()];
    }

    // Whether an occurrence of the postings' term in its current document spans `length` characters.
    private static bool Spans(DocsAndPositionsEnum postings, int length)
    {
        for (var occurrence = postings.Freq; occurrence > 0; occurrence--)
        {
            postings.NextPosition();
            if (postings.EndOffset - postings.StartOffset == length)
            {
                return true;
            }
        }

        return false;
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

            if (Spans(postings, length))
            {
                found[hit][first] = found[hit][last] = true;
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
