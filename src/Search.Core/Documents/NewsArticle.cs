namespace Search.Core.Documents;

/// <summary>One news article as the engine indexes and returns it.</summary>
/// <param name="Id">Unique id; indexing the same id again replaces the article.</param>
/// <param name="Title">The headline (derived from the lead sentence for seed files).</param>
/// <param name="Date">Publication date, <c>YYYY-MM-DD</c> or <c>YYYY-MM</c>.</param>
/// <param name="Body">Plain text, paragraphs separated by a blank line.</param>
/// <param name="Caption">Image caption with its credit, when the source has one.</param>
/// <param name="Source">The outlet, e.g. <c>zeit.de</c>.</param>
/// <param name="Url">Where the article was published.</param>
public sealed record NewsArticle(
    string Id,
    string Title,
    string Date,
    string Body,
    string? Caption = null,
    string? Source = null,
    string? Url = null)
{
    /// <summary>The publication month, <c>YYYY-MM</c>.</summary>
    public string Month => Date[..7];
}
