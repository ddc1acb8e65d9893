using Lucene.Net.Search;
using Search.Core.Ranking;
using Search.Core.Scoring;

namespace Search.Core.Querying;

/// <summary>
/// A walk over a query tree as <see cref="QueryFactory"/> builds it, and the one place that knows the kinds of query
/// in it. Every walk implements a method for every kind: the term lookups (<see cref="TermLookups"/>: each term looked
/// up once per search, common words read from their tables), the snippets' terms (<c>Highlighting.HighlightTerms</c>:
/// what to mark) and the clause budget (<see cref="ClauseBudget"/>: what a query costs). A new kind added here must be
/// handled by all three, so none of them passes it over unseen; a query of a kind not listed here is refused
/// (<see cref="NotSupportedException"/>).
/// </summary>
/// <typeparam name="T">What the walk makes of a query.</typeparam>
internal abstract class QueryVisitor<T>
{
    /// <summary>Hands <paramref name="query"/> to the method for its kind.</summary>
    /// <exception cref="NotSupportedException">The query is of a kind no walk knows.</exception>
    public T Visit(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // A subclass before its base: CompoundPartQuery is a TermQuery, and TermQuery's other subclasses (the
        // resolved PooledTermQuery) are not the factory's.
        return query switch
        {
            BooleanQuery boolean => VisitBoolean(boolean),
            BestMatchQuery word => VisitBestMatch(word),
            CombinedFieldQuery word => VisitCombinedField(word),
            CompoundPartQuery part => VisitCompoundPart(part),
            TermQuery term when term.GetType() == typeof(TermQuery) => VisitTerm(term),
            PhraseQuery phrase => VisitPhrase(phrase),
            PrefixQuery prefix => VisitPrefix(prefix),
            FuzzyQuery fuzzy => VisitFuzzy(fuzzy),
            ConstantScoreQuery constant => VisitConstantScore(constant),
            MatchAllDocsQuery all => VisitMatchAll(all),
            RecencyBlendQuery blend => VisitRecencyBlend(blend),
            _ => throw new NotSupportedException(
                $"{GetType().Name} does not know a query of type {query.GetType().Name} ({query}): add its kind to QueryVisitor and handle it in every walk."),
        };
    }

    /// <summary>Words and clauses combined: required, optional (with a minimum) and excluded.</summary>
    protected abstract T VisitBoolean(BooleanQuery query);

    /// <summary>A phrase, prefix or fuzzy word in each field, scored by its best field (or a word's alternatives).</summary>
    protected abstract T VisitBestMatch(BestMatchQuery query);

    /// <summary>A plain word in every field, whole and as a compound part, scored as one text (BM25F).</summary>
    protected abstract T VisitCombinedField(CombinedFieldQuery query);

    /// <summary>A word as part of a compound in one field, with the whole word's statistics.</summary>
    protected abstract T VisitCompoundPart(CompoundPartQuery query);

    /// <summary>A term in one field (a word's whole-word match, or a one-word phrase).</summary>
    protected abstract T VisitTerm(TermQuery query);

    /// <summary>A phrase in one field: exact, or sloppy (the proximity reward).</summary>
    protected abstract T VisitPhrase(PhraseQuery query);

    /// <summary>A prefix (<c>Impf*</c>) in one field.</summary>
    protected abstract T VisitPrefix(PrefixQuery query);

    /// <summary>A word with edits in one field (<c>word~</c>, and the typo-tolerant retry's <c>CachedFuzzyQuery</c>).</summary>
    protected abstract T VisitFuzzy(FuzzyQuery query);

    /// <summary>A query that matches without scoring: the filter that a longer query's article must have one of its
    /// uncommon words (or a rewritten prefix).</summary>
    protected abstract T VisitConstantScore(ConstantScoreQuery query);

    /// <summary>Every article: browsing, or a query of exclusions only.</summary>
    protected abstract T VisitMatchAll(MatchAllDocsQuery query);

    /// <summary>The query blended with the article's age (<see cref="SearchSort.Fresh"/>), which the searcher wraps
    /// around the factory's query.</summary>
    protected abstract T VisitRecencyBlend(RecencyBlendQuery query);
}
