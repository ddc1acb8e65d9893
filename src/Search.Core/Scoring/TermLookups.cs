using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Scoring;

/// <summary>
/// Looks up each term of one search once in each segment's term dictionary, through one enumerator per segment and
/// field, and hands the states to the term queries (<see cref="Resolve"/>). Left to Lucene, every term query builds a
/// new enumerator per segment for its term, and a word's compound-part query looks the whole word up again to blend
/// the statistics (<see cref="CompoundPartQuery"/>): a two-word query looked up 28 terms instead of 20, and the
/// lookups were a fifth of a top-10 search's CPU. The states do not outlive the search, so every search reads the
/// current snapshot. The dictionary enumerators do, in a pool per segment and field: those of the lookups are handed
/// back when the search ends (<see cref="Dispose"/>), those the term scorers open their postings with
/// (<see cref="PooledTermQuery"/>, <see cref="Postings"/>) as soon as the postings are open. Lucene allocates one afresh
/// for every term and segment, with a frame and its buffers per level it descends, which was half of what a filtered
/// search allocated.
/// </summary>
internal sealed class TermLookups(IndexReaderContext top, CommonWords? common = null) : QueryVisitor<Query>, IDisposable
{
    // Keyed by a segment's terms of one field; an entry goes when the segment is closed and collected.
    private static readonly ConditionalWeakTable<Terms, ConcurrentBag<TermsEnum>> Pool = [];

    private readonly Dictionary<Term, TermContext> _states = [];
    private readonly Dictionary<string, CollectionStatistics> _fields = [];
    private readonly Dictionary<(int Leaf, string Field), (Terms Terms, TermsEnum Enum)?> _enums = [];

    /// <summary>The query with its term and compound-part queries carrying their looked-up states, and its common
    /// words read from their tables (<see cref="CommonWords"/>); scores and matches are those of
    /// <paramref name="query"/>. Phrases, prefixes, fuzzy words and the recency blend are left as they are.</summary>
    /// <exception cref="NotSupportedException">The query is of a kind <see cref="QueryVisitor{T}"/> does not know.</exception>
    public Query Resolve(Query query) => Visit(query);

    protected override Query VisitCombinedField(CombinedFieldQuery query) =>
        common?.Find(query) is { } table ? new CommonWordQuery(query.WithStates(this), common, table) : query.WithStates(this);

    protected override Query VisitBestMatch(BestMatchQuery query)
    {
        var resolved = new BestMatchQuery(query.OtherMatches) { Boost = query.Boost };
        foreach (var match in query.Matches)
        {
            resolved.Add(Visit(match));
        }

        return resolved;
    }

    protected override Query VisitBoolean(BooleanQuery query)
    {
        var resolved = new BooleanQuery(query.CoordDisabled) { Boost = query.Boost, MinimumNumberShouldMatch = query.MinimumNumberShouldMatch };
        foreach (var clause in query.Clauses)
        {
            resolved.Add(Visit(clause.Query), clause.Occur);
        }

        // The lenient match of a longer query (optional words, a minimum of them), when it leads the search (no other
        // clause is required), is found window by window. Advanced by a sparser required clause (the words that carry
        // the weight, or the uncommon ones), Lucene's scorer, document by document, is faster.
        var required = resolved.Clauses.Where(clause => clause.IsRequired).ToList();
        if (required is [{ Query: BooleanQuery words } lead] && MinimumMatchQuery.Fits(words))
        {
            lead.Query = new MinimumMatchQuery(words);
        }

        return resolved;
    }

    protected override Query VisitConstantScore(ConstantScoreQuery query) =>
        query.Query is { } inner ? new ConstantScoreQuery(Visit(inner)) { Boost = query.Boost } : query;

    protected override Query VisitCompoundPart(CompoundPartQuery query) =>
        new PooledTermQuery(query.Term, CompoundPartQuery.Blend(top, States(query.Term), States(query.Whole)), this) { Boost = query.Boost };

    protected override Query VisitTerm(TermQuery query) => new PooledTermQuery(query.Term, States(query.Term), this) { Boost = query.Boost };

    // Left to Lucene's own weights, as before the visitor: phrases, prefixes and fuzzy words look their terms up
    // themselves (a prefix or fuzzy word finds its terms when it is rewritten). The recency blend
    // (sort=fresh) is left whole, so its words are read without the lookups and the tables; resolving them is a change
    // of its own, to be measured.
    protected override Query VisitPhrase(PhraseQuery query) => query;

    protected override Query VisitPrefix(PrefixQuery query) => query;

    protected override Query VisitFuzzy(FuzzyQuery query) => query;

    protected override Query VisitMatchAll(MatchAllDocsQuery query) => query;

    protected override Query VisitRecencyBlend(RecencyBlendQuery query) => query;

    /// <summary>The term's state and statistics in each segment, as <see cref="TermContext.Build"/> finds them.</summary>
    public TermContext States(Term term)
    {
        if (_states.TryGetValue(term, out var known))
        {
            return known;
        }

        var states = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            var terms = Enumerator(leaf, term.Field);
            if (terms is not null && terms.SeekExact(term.Bytes))
            {
                states.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
            }
        }

        _states[term] = states;
        return states;
    }

    /// <summary>The field's statistics for scoring, once per search: Lucene's searcher merges the segments' term
    /// dictionaries of the field (a new merged view with its own caches) every time a term weight asks.</summary>
    /// <param name="searcher">The searcher of this search's snapshot.</param>
    /// <param name="field">The field.</param>
    public CollectionStatistics CollectionStatistics(IndexSearcher searcher, string field)
    {
        if (!_fields.TryGetValue(field, out var statistics))
        {
            statistics = searcher.CollectionStatistics(field);
            _fields[field] = statistics;
        }

        return statistics;
    }

    /// <summary>How many articles have <paramref name="term"/> (deleted ones included, as <see cref="IndexReader.DocFreq(Term)"/>).</summary>
    public int DocFreq(Term term) => States(term).DocFreq;

    /// <summary>The postings of <paramref name="term"/> in <paramref name="leaf"/>, where it has <paramref name="state"/>,
    /// opened through a pooled dictionary enumerator (safe from any thread: parallel parts open their own).</summary>
    /// <remarks>The postings reader itself is new each time. Pooled as well, it allocated 30 KB less per search but
    /// made every garbage collection slower: a reused reader re-creates its skip buffers on each search, young objects
    /// held by an old one, which the collector then promotes (300 instead of 80 KB per gen-0 collection, pauses 0.78
    /// instead of 0.55 ms, 17 % more pause time in all).</remarks>
    /// <param name="leaf">The segment.</param>
    /// <param name="term">The term.</param>
    /// <param name="state">Its state in that segment (<see cref="States"/>).</param>
    /// <param name="acceptDocs">The documents the postings may return, or null for all.</param>
    public static DocsEnum Postings(AtomicReaderContext leaf, Term term, TermState state, IBits? acceptDocs) =>
        Open(leaf, term, state, acceptDocs, static (enumerator, accepted) => enumerator.Docs(accepted, null));

    /// <summary>The postings of <paramref name="term"/> in <paramref name="leaf"/> with the positions of each
    /// occurrence, opened as <see cref="Postings"/> opens them; null when the field has no positions.</summary>
    /// <param name="leaf">The segment.</param>
    /// <param name="term">The term.</param>
    /// <param name="state">Its state in that segment (<see cref="States"/>).</param>
    public static DocsAndPositionsEnum? Positions(AtomicReaderContext leaf, Term term, TermState state) =>
        Open(leaf, term, state, (IBits?)null, static (enumerator, accepted) => enumerator.DocsAndPositions(accepted, null, DocsAndPositionsFlags.NONE));

    /// <summary>The postings of <paramref name="term"/> in <paramref name="leaf"/> with the positions and character
    /// offsets of each occurrence, opened as <see cref="Postings"/> opens them; null when the field has no offsets.</summary>
    /// <param name="leaf">The segment.</param>
    /// <param name="term">The term.</param>
    /// <param name="state">Its state in that segment (<see cref="States"/>).</param>
    public static DocsAndPositionsEnum? Offsets(AtomicReaderContext leaf, Term term, TermState state) =>
        Open(leaf, term, state, (IBits?)null, static (enumerator, accepted) => enumerator.DocsAndPositions(accepted, null, DocsAndPositionsFlags.OFFSETS));

    private static T Open<T>(AtomicReaderContext leaf, Term term, TermState state, IBits? acceptDocs, Func<TermsEnum, IBits?, T> open)
    {
        var terms = leaf.AtomicReader.GetTerms(term.Field) ?? throw new InvalidOperationException($"{term} has a state but {leaf} has no field {term.Field}.");
        var enumerators = Pool.GetOrCreateValue(terms);
        var enumerator = enumerators.TryTake(out var pooled) ? pooled : terms.GetEnumerator();
        try
        {
            enumerator.SeekExact(term.Bytes, state);
            return open(enumerator, acceptDocs);
        }
        finally
        {
            enumerators.Add(enumerator);
        }
    }

    /// <summary>Hands the enumerators back to the pool.</summary>
    public void Dispose()
    {
        foreach (var rented in _enums.Values)
        {
            if (rented is { } pair)
            {
                Pool.GetOrCreateValue(pair.Terms).Add(pair.Enum);
            }
        }

        _enums.Clear();
    }

    private TermsEnum? Enumerator(AtomicReaderContext leaf, string field)
    {
        if (!_enums.TryGetValue((leaf.Ord, field), out var rented))
        {
            var terms = leaf.AtomicReader.Fields?.GetTerms(field);
            rented = terms is null ? null : (terms, Pool.GetOrCreateValue(terms).TryTake(out var pooled) ? pooled : terms.GetEnumerator());
            _enums[(leaf.Ord, field)] = rented;
        }

        return rented?.Enum;
    }
}
