using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Search.Api.Errors;

/// <summary>
/// Gives every problem a stable <c>code</c>, also those ASP.NET Core answers by itself: a body of the wrong content type
/// (415, from routing) is <c>unsupported_media_type</c> with the content types the writes take, and any other problem without a
/// code gets its status's reason phrase in snake case (<c>not_found</c> for an unknown path, <c>internal_server_error</c>).
/// </summary>
internal static partial class ProblemCodes
{
    /// <summary>The code of a request body whose content type the endpoint does not take.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>Fills in <c>code</c> (and for a 415 the detail) where the problem has none; set as <c>CustomizeProblemDetails</c>.</summary>
    public static void AddMissing(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Detail ??= "The request body must be application/json for PUT /api/articles/{id} and application/x-ndjson " +
                "(one article per line) for POST /api/articles; send it with that Content-Type.";
            problem.Extensions["code"] = UnsupportedMediaType;
            return;
        }

        problem.Extensions["code"] = NonWord().Replace(ReasonPhrases.GetReasonPhrase(status).Trim(), "_").ToLowerInvariant() is { Length: > 0 } code
            ? code
            : "error";
    }

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
