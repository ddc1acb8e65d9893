using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Scoring;

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

    // How much text a passage shows before its first match.
    private const int PassageLead = 30;

    // Passages are cut at word boundaries; a word is not followed further than this past the cut.
    private const int WordReach = 20;

    // A prefix or fuzzy word marks at most this many of the index words it stands for (the most frequent ones).
    private const int MaxExpansionsMarked = 64;

    private const string Separator = " … ";

    // Passages may begin after the end of the previous sentence or clause.
    private static readonly char[] PassageStartJunk = [' ', '.', ',', ';', ':', '!', '?', ')', '–', '-'];

    /// <summary>A body term to mark, and the query word it belongs to (a word and its compound-part form are one).</summary>
    internal sealed record MarkedTerm(Term Term, int Word, float Weight);

    /// <summary>A phrase to mark where all its terms stand at their relative positions.</summary>
    internal sealed record MarkedPhrase(Term[] Terms, int[] Positions, int Word, float Weight);

    /// <summary>What highlighting needs of a query, worked out once per search rather than once per hit.</summary>
    /// <param name="Terms">The body terms to mark.</param>
    /// <param name="Phrases">The phrases to mark where their words stand together.</param>
    /// <param name="Words">How many distinct query words the terms and phrases belong to.</param>
    internal sealed record Highlight(IReadOnlyList<MarkedTerm> Terms, IReadOnlyList<MarkedPhrase> Phrases, int Words);

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
        var collector = new TermCollector(reader, docFreq ?? reader.DocFreq);
        collector.Collect(query);
        return new Highlight(collector.Terms, collector.Phrases, collector.WordCount);
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
        var matches = Matches(highlight, leaf.AtomicReader, doc - leaf.DocBase, body.Length);
        if (matches.Count == 0)
        {
            return Lead(body);
        }

        if (body.Length <= 2 * PassageLength)
        {
            // A body no longer than a snippet is shown whole.
            return Render(body, 0, body.Length, matches);
        }

        var passages = Passages(body, matches, highlight.Words);
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

        var matches = new List<Match>();
        foreach (var token in tokens)
        {
            if (terms.TryGetValue(token.Term, out var marked))
            {
                matches.Add(new Match(token.Start, token.End, marked.Word, marked.Weight));
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
                    matches.Add(new Match(start, end, phrase.Word, phrase.Weight));
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

    private readonly record struct Match(int Start, int End, int Word, float Weight);

    private readonly record struct Passage(int Start, int End);

    // Every place in the body where a query term or phrase occurs, ordered by offset.
    private static List<Match> Matches(Highlight highlight, AtomicReader reader, int doc, int bodyLength)
    {
        var matches = new List<Match>();
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
                    matches.Add(new Match(postings.StartOffset, postings.EndOffset, marked.Word, marked.Weight));
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
    private static List<Match> PhraseMatches(MarkedPhrase phrase, TermsEnum termsEnum, int doc, int bodyLength)
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

        var found = new List<Match>();
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
                found.Add(new Match(start, end, phrase.Word, phrase.Weight));
            }
        }

        return found;
    }

    // The best passage, and a second that shows a query word the first lacks if there is one (else the next best).
    private static List<Passage> Passages(string body, List<Match> matches, int words)
    {
        var candidates = new List<(Passage Passage, float Score, bool[] Shown)>();
        for (var i = 0; i < matches.Count; i++)
        {
            if (i > 0 && matches[i].Start == matches[i - 1].Start)
            {
                continue;
            }

            var start = WordStart(body, Math.Max(0, matches[i].Start - PassageLead));
            var end = Math.Min(body.Length, start + PassageLength);
            var shown = new bool[words];
            var score = 0f;
            for (var j = i; j < matches.Count && matches[j].Start < end; j++)
            {
                end = Math.Max(end, matches[j].End);
                if (!shown[matches[j].Word])
                {
                    shown[matches[j].Word] = true;
                    score += matches[j].Weight;
                }
            }

            // Matches a little before the lead-in may fall inside the passage too.
            for (var j = i - 1; j >= 0 && matches[j].Start >= start; j--)
            {
                if (!shown[matches[j].Word])
                {
                    shown[matches[j].Word] = true;
                    score += matches[j].Weight;
                }
            }

            candidates.Add((new Passage(start, WordEnd(body, end)), score, shown));
        }

        // Best score first; among equals, the earlier passage.
        var ranked = candidates.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Passage.Start).ToList();
        var best = ranked[0];
        var others = ranked.Where(candidate => candidate.Passage.End <= best.Passage.Start || candidate.Passage.Start >= best.Passage.End).ToList();
        var second = others.Where(candidate => candidate.Shown.Where((shown, word) => shown && !best.Shown[word]).Any())
            .Select(candidate => (Found: true, candidate))
            .FirstOrDefault();
        if (!second.Found && others.Count > 0)
        {
            second = (true, others[0]);
        }

        List<Passage> passages = second.Found ? [best.Passage, second.candidate.Passage] : [best.Passage];
        return [.. passages.OrderBy(passage => passage.Start)];
    }

    // The start of the word at `at` (or of the next one when the word starts too far back).
    private static int WordStart(string body, int at)
    {
        if (at == 0)
        {
            return 0;
        }

        for (var i = at; i > 0 && at - i < WordReach; i--)
        {
            if (char.IsWhiteSpace(body[i - 1]))
            {
                return i;
            }
        }

        var next = body.AsSpan(at).IndexOfAny(' ', '\n');
        return next < 0 ? at : at + next + 1;
    }

    // The end of the word at `at` (or `at` when the word runs on too far).
    private static int WordEnd(string body, int at)
    {
        for (var i = at; i < body.Length && i - at < WordReach; i++)
        {
            if (char.IsWhiteSpace(body[i]))
            {
                return i;
            }
        }

        return Math.Min(at, body.Length);
    }

    // The passage [start, end) as one line of escaped text with its matches marked.
    private static string Render(string body, int start, int end, List<Match> matches)
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

    /// <summary>Walks a query and lists what to mark in the body.</summary>
    private sealed class TermCollector(IndexReader reader, Func<Term, int> docFreq)
    {
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<Term, MarkedTerm> _terms = [];

        public List<MarkedPhrase> Phrases { get; } = [];

        public IReadOnlyList<MarkedTerm> Terms => [.. _terms.Values];

        public int WordCount => _words.Count;

        public void Collect(Query query)
        {
            switch (query)
            {
                case BooleanQuery boolean:
                    foreach (var clause in boolean.Clauses)
                    {
                        // Excluded words are not in the hit; the words-close-together reward only repeats the query's words.
                        if (clause.Occur == Occur.MUST_NOT || clause is { Occur: Occur.SHOULD, Query: PhraseQuery { Slop: > 0 } })
                        {
                            continue;
                        }

                        Collect(clause.Query);
                    }

                    break;
                case BestMatchQuery word:
                    foreach (var match in word.Matches)
                    {
                        Collect(match);
                    }

                    break;
                case CombinedFieldQuery word:
                    foreach (var match in word.Matches)
                    {
                        Collect(match);
                    }

                    break;
                case CompoundPartQuery part when part.Term.Field == ArticleFields.Body:
                    AddTerm(part.Term, Math.Max(docFreq(part.Term), docFreq(part.Whole)));
                    break;
                case TermQuery term when term.Term.Field == ArticleFields.Body:
                    AddTerm(term.Term, docFreq(term.Term));
                    break;
                case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && terms[0].Field == ArticleFields.Body:
                    if (terms.Length == 1)
                    {
                        AddTerm(terms[0], docFreq(terms[0]));
                    }
                    else
                    {
                        var key = string.Join(' ', terms.Select(term => term.Text));
                        Phrases.Add(new MarkedPhrase(terms, phrase.GetPositions(), Word(key), terms.Sum(term => Idf(docFreq(term)))));
                    }

                    break;
                case MultiTermQuery multi when multi.Field is ArticleFields.Body or ArticleFields.Title:
                    // A word of the title's own expansions is marked where the body or title has it (Mark): a hit the
                    // typo retry found by its title alone shows the word there.
                    foreach (var (term, docFreq) in Expansions(multi).OrderByDescending(pair => pair.DocFreq).Take(MaxExpansionsMarked))
                    {
                        AddTerm(multi.Field == ArticleFields.Body ? term : new Term(ArticleFields.Body, term.Bytes), docFreq);
                    }

                    break;
                case ConstantScoreQuery { Query: { } inner }:
                    Collect(inner);
                    break;
            }
        }

        // The index words a prefix or fuzzy word stands for, with their document frequencies.
        private List<(Term Term, int DocFreq)> Expansions(MultiTermQuery query)
        {
            var expansions = new List<(Term, int)>();
            var terms = MultiFields.GetTerms(reader, query.Field);
            if (terms is null)
            {
                return expansions;
            }

            var matching = query.GetTermsEnum(terms);
            while (matching.MoveNext())
            {
                expansions.Add((new Term(query.Field, BytesRef.DeepCopyOf(matching.Term)), matching.DocFreq));
            }

            return expansions;
        }

        private void AddTerm(Term term, int docFreq)
        {
            var weight = Idf(docFreq);
            if (!_terms.TryGetValue(term, out var known) || known.Weight < weight)
            {
                _terms[term] = new MarkedTerm(term, Word(term.Text.TrimStart(CompoundPartMarkFilter.Marker)), weight);
            }
        }

        // Each distinct query word (a word and its compound-part form are one) gets a number.
        private int Word(string key)
        {
            if (!_words.TryGetValue(key, out var word))
            {
                word = _words.Count;
                _words[key] = word;
            }

            return word;
        }

        private float Idf(int docFreq) => (float)(Math.Log(reader.NumDocs / (double)(docFreq + 1)) + 1.0);
    }
}
