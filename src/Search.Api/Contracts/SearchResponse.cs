using System.ComponentModel;
using Search.Core.Facets;

namespace Search.Api.Contracts;

/// <summary>One page of search results.</summary>
public sealed record SearchResponse(
    [property: Description("The query text as sent.")] string Query,
    [property: Description("Articles that match the query and every filter.")] int Total,
    [property: Description("The page returned, 1-based.")] int Page,
    [property: Description("Hits per page.")] int Size,
    [property: Description("Time the engine took, in milliseconds.")] double TookMs,
    [property: Description("The hits of this page, best first.")] IReadOnlyList<SearchHitResponse> Hits,
    [property: Description("Counts per facet value over all matches.")] SearchFacets Facets,
    [property: Description("Cursor for the hits after this page: pass it as `cursor` to continue (deep paging). Absent on the last page.")] string? Next = null,
    [property: Description("True when the query ran out of its time budget and hits, total and facets cover only part of the index.")] bool Partial = false,
    [property: Description("A better spelling of q from the index's vocabulary (\"Bundestg\" → \"Bundestag\"), given when q found fewer than 3 articles as typed and a word of 5+ letters looks misspelt, a compound no article has split into its two words when nothing else was found (\"Lehrerimpfung\" → \"Lehrer Impfung\"), or a misprint several articles share corrected to the word far more articles print with the other words of q (\"Guiseppe Conte\" → \"Giuseppe Conte\"). Absent otherwise.")] string? DidYouMean = null,
    [property: Description("True when these hits come from the typo-tolerant retry (words of 5 to 7 letters also match words 1 edit away, longer words 2 edits): q as typed found fewer than 3 articles, or had a misprint several articles share (see didYouMean).")] bool Fuzzy = false);

/// <summary>One matching article.</summary>
public sealed record SearchHitResponse(
    string Id,
    string Title,
    [property: Description("Publication date, YYYY-MM-DD or YYYY-MM.")] string Date,
    [property: Description("Image caption with its credit, when the article has one.")] string? Caption,
    [property: Description("The outlet, when known.")] string? Source,
    [property: Description("Relevance (BM25); higher is better.")] float Score,
    [property: Description("HTML: the best passages of the body with matched words in <mark>; everything else is escaped.")] string Snippet,
    [property: Description("HTML: the whole title with matched words in <mark>; everything else is escaped. Shows why a hit matched when the words are in its title only. Absent where no snippets are made (related articles).")] string? TitleHtml = null,
    [property: Description("HTML: the whole caption with matched words in <mark>; everything else is escaped. Absent when the article has no caption.")] string? CaptionHtml = null);

/// <summary>Facet counts of a search.</summary>
public sealed record SearchFacets(
    [property: Description("Matches per month (YYYY-MM), newest first. Counts honour every filter except month itself.")] IReadOnlyList<FacetCount> Month,
    [property: Description("Matches per year (YYYY), newest first. Counts honour every filter except year itself.")] IReadOnlyList<FacetCount> Year,
    [property: Description("Matches per source (outlet), most first. Counts honour every filter except source itself.")] IReadOnlyList<FacetCount> Source);
