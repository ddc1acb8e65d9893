using System.ComponentModel;
using Search.Core.Documents;

namespace Search.Api.Contracts;

/// <summary>A whole article.</summary>
public sealed record ArticleResponse(
    string Id,
    string Title,
    [property: Description("Publication date, YYYY-MM-DD or YYYY-MM.")] string Date,
    string? Caption,
    string? Source,
    string? Url,
    [property: Description("Plain text; paragraphs are separated by a blank line.")] string Body)
{
    public static ArticleResponse From(NewsArticle article) =>
        new(article.Id, article.Title, article.Date, article.Caption, article.Source, article.Url, article.Body);
}
