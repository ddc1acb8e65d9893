namespace Search.Api.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// No content sniffing anywhere; the web page may load only its own scripts and styles. The API reference at
    /// /scalar widens the policy for its own page only (a nonce for its inline script, inline styles): see <see cref="ApiReference"/>.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
}
