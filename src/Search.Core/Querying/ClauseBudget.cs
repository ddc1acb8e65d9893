using Lucene.Net.Search;
using Search.Core.Ranking;
using Search.Core.Scoring;

namespace Search.Core.Querying;

/// <summary>Counts the terms a query looks up, held against <see cref="QueryLimits.MaxClauses"/>: a word is one per
/// field, whole and as a part; a fuzzy word as many as it may expand to.</summary>
internal sealed class ClauseBudget(QueryLimits limits) : QueryVisitor<int>
{
    protected override int VisitBoolean(BooleanQuery query) => query.Clauses.Sum(clause => Visit(clause.Query));

    protected override int VisitBestMatch(BestMatchQuery query) => query.Matches.Sum(Visit);

    protected override int VisitCombinedField(CombinedFieldQuery query) => query.Matches.Count;

    protected override int VisitCompoundPart(CompoundPartQuery query) => 1;

    protected override int VisitTerm(TermQuery query) => 1;

    protected override int VisitPhrase(PhraseQuery query) => query.GetTerms().Length;

    // Its expansions are held to MaxTermExpansions when it runs (CappedExpansionRewrite).
    protected override int VisitPrefix(PrefixQuery query) => 1;

    protected override int VisitFuzzy(FuzzyQuery query) => limits.MaxFuzzyExpansions;

    // The filter that a longer query's article must have one of its uncommon words repeats words counted already.
    protected override int VisitConstantScore(ConstantScoreQuery query) => 0;

    protected override int VisitMatchAll(MatchAllDocsQuery query) => 0;

    protected override int VisitRecencyBlend(RecencyBlendQuery query) => Visit(query.SubQuery);
}
