using Search.Api.OpenApi;

namespace Search.Api.Security;

internal static class SecurityHeaders
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

    /// <summary>
    /// No content sniffing anywhere; the web page may load only its own scripts and styles. The API reference at
    /// /scalar widens the policy for its own page only (a nonce for its inline script, inline styles): see <see cref="ApiReference"/>.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            Apply(headers);
            // The exception handler clears the response headers before it writes its problem details (a 400 for a
            // query the engine refuses, a 500); put back whatever is missing when the response starts. A policy set
            // on purpose later in the pipeline (the API reference's) is kept.
            context.Response.OnStarting(() =>
            {
                Apply(headers);
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });

    private static void Apply(IHeaderDictionary headers)
    {
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Content-Security-Policy", Policy);
        headers.TryAdd("Referrer-Policy", "no-referrer");
    }
}
