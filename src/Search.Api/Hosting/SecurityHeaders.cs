namespace Search.Api.Hosting;

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
            // Added as the response starts, not before: the exception handler clears the headers of a failed request
            // before it writes its problem details, which echo the caller's input. A header an endpoint set is kept.
            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers.TryAdd("X-Content-Type-Options", "nosniff");
                response.Headers.TryAdd("Content-Security-Policy", Policy);
                response.Headers.TryAdd("Referrer-Policy", "no-referrer");
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });
}
