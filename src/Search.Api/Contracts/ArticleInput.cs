using System.ComponentModel;
using Search.Core.Documents;

namespace Search.Api.Contracts;

/// <summary>An article to store under the id in the URL (or, in a bulk request, with its own id).</summary>
public sealed record ArticleInput(
    [property: Description("The id; only in bulk requests (PUT takes it from the URL).")] string? Id,
    [property: Description("The headline.")] string? Title,
    [property: Description("Publication date, YYYY-MM-DD or YYYY-MM.")] string? Date,
    [property: Description("Plain text; paragraphs separated by a blank line.")] string? Body,
    string? Caption = null,
    string? Source = null,
    string? Url = null)
{
    /// <summary>Checks the fields; the errors are keyed by field name, as problem details report them.</summary>
    public Dictionary<string, string[]> Validate(string id)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(id))
        {
            errors["id"] = ["id is required."];
        }
        else if (id.Length > 200)
        {
            errors["id"] = [$"id may have at most 200 characters; it has {id.Length}."];
        }
        else if (id.Any(char.IsControl))
        {
            errors["id"] = ["id may not contain control characters (tabs, line breaks, U+0000-U+001F, U+007F-U+009F)."];
        }

        // The outlet is a facet value (doc values hold at most 32 KB); the indexer holds it to the same bound.
        if (Source is { Length: > 200 })
        {
            errors["source"] = [$"source may have at most 200 characters; it has {Source.Length}."];
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = ["title is required."];
        }

        if (string.IsNullOrWhiteSpace(Body))
        {
            errors["body"] = ["body is required."];
        }

        if (!ArticleDate.IsValid(Date))
        {
            errors["date"] = [$"date must be YYYY-MM-DD or YYYY-MM, e.g. 2021-12-09; got '{Date}'."];
        }

        return errors;
    }

    public NewsArticle ToArticle(string id) => new(id.Trim(), Title!.Trim(), Date!, Body!.Trim(), Blank(Caption), Blank(Source), Blank(Url));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
