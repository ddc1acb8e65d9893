using Search.Core.Documents;
using Search.Core.Facets;

namespace Search.Core.Querying;

/// <summary>One page of hits with the total and the month facet.</summary>
/// <param name="Total">Every article that matches the query and the filters.</param>
/// <param name="Hits">The requested page, best first.</param>
/// <param name="Months">Matches per month, ignoring the month filter itself, newest month first.</param>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<FacetCount> Months);

/// <summary>A matching article with its score and a highlighted snippet.</summary>
/// <param name="Article">The stored article.</param>
/// <param name="Score">Relevance (BM25); higher is better.</param>
/// <param name="Snippet">HTML: the best passages of the body, matched words in <c>&lt;mark&gt;</c>, everything else escaped.</param>
public sealed record SearchHit(NewsArticle Article, float Score, string Snippet);
