using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;

namespace Search.Api.Security;

/// <summary>
/// Bearer keys from configuration: <c>Search:AdminKey</c> for writes, optional <c>Search:ReadKey</c> for reads.
/// Keys are compared in constant time and never logged.
/// </summary>
internal static class ApiKeys
{
    /// <summary>Writes need the admin key; with none configured they are refused.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value;
            if (string.IsNullOrEmpty(options.AdminKey))
            {
                return Problem(StatusCodes.Status403Forbidden, "writes_disabled",
                    "This service is read-only: no admin key is configured. Set Search:AdminKey to allow writes.");
            }

            var presented = BearerKey(context.HttpContext.Request);
            if (Matches(presented, options.AdminKey))
            {
                return await next(context).ConfigureAwait(false);
            }

            if (!string.IsNullOrEmpty(options.ReadKey) && Matches(presented, options.ReadKey))
            {
                return Problem(StatusCodes.Status403Forbidden, "read_key_cannot_write", "The read key allows searching only; writes need the admin key.");
            }

            return Unauthorized(context.HttpContext, presented is null
                ? "Writes need the admin key: send Authorization: Bearer <key>."
                : "The key is not valid for writes.");
        });

    /// <summary>Reads need the read key (or the admin key) only when a read key is configured.</summary>
    public static TBuilder RequireReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value;
            if (string.IsNullOrEmpty(options.ReadKey))
            {
                return await next(context).ConfigureAwait(false);
            }

            var presented = BearerKey(context.HttpContext.Request);
            if (Matches(presented, options.ReadKey) || (!string.IsNullOrEmpty(options.AdminKey) && Matches(presented, options.AdminKey)))
            {
                return await next(context).ConfigureAwait(false);
            }

            return Unauthorized(context.HttpContext, presented is null
                ? "This service needs a key to search: send Authorization: Bearer <key>."
                : "The key is not valid.");
        });

    internal static string? BearerKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    // Hashing first makes both sides the same length, so the comparison takes the same time whatever the key.
    internal static bool Matches(string? presented, string expected) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static ProblemHttpResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "missing_or_invalid_key", detail);
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) => TypedResults.Problem(
        statusCode: status,
        title: status == StatusCodes.Status401Unauthorized ? "A valid key is required." : "Not allowed.",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
