using Lucene.Net.Search;
using Search.Core.Facets;

namespace Search.Core.Collecting;

/// <summary>What one pass over the matches collected.</summary>
/// <param name="Rankings">The hits of each ranking asked for, best first.</param>
/// <param name="Facets">The total and the facet counts.</param>
/// <param name="Partial">True when the time budget ran out before every match was collected.</param>
internal readonly record struct Collected(TopDocs[] Rankings, FacetCollector Facets, bool Partial);
