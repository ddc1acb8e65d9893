using Search.Core.Facets;

namespace Search.Core.Indexing;

/// <summary>What <see cref="IndexChecker"/> found.</summary>
/// <param name="Healthy">Every segment passed Lucene's checks (checksums, postings, stored fields, doc values).</param>
/// <param name="Segments">Segments in the last commit.</param>
/// <param name="Articles">Live articles.</param>
/// <param name="DeletedNotMerged">Deleted articles still occupying space until segments merge.</param>
/// <param name="AnalyzerVersion">The analyzer the index was built with.</param>
/// <param name="Files">Input files recorded in the ledger.</param>
/// <param name="Months">Articles per month, newest first.</param>
/// <param name="Problems">What failed, when something did.</param>
public sealed record IndexCheckReport(
    bool Healthy,
    int Segments,
    int Articles,
    int DeletedNotMerged,
    string? AnalyzerVersion,
    int Files,
    IReadOnlyList<FacetCount> Months,
    IReadOnlyList<string> Problems);
