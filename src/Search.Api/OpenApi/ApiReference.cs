using Scalar.AspNetCore;

namespace Search.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference of it at <c>/scalar</c>.</summary>
internal static class ApiReference
{
    public const string Path = "/scalar";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApiShape>();
            options.AddDocumentTransformer<OpenApiExamples>();
            options.AddSchemaTransformer<ProblemSchemas>();
            // Properties that may be null are left out of responses (WhenWritingNull), so they are not required.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                foreach (var property in context.JsonTypeInfo.Properties.Where(property => property.IsGetNullable))
                {
                    schema.Required?.Remove(property.Name);
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(Path, options => options
                .WithTitle("German news search API")
                // Everything comes from this service (the bundle is embedded in the package): no CDN fonts, telemetry,
                // AI chat or hosted developer tools, none of which the CSP would let through anyway.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithNonce())
            .Add(endpoint =>
            {
                var page = endpoint.RequestDelegate!;
                endpoint.RequestDelegate = context =>
                {
                    context.Response.OnStarting(() =>
                    {
                        if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                        {
                            context.Response.Headers.ContentSecurityPolicy = PolicyFor(nonce);
                        }

                        return Task.CompletedTask;
                    });
                    return page(context);
                };
            });
        return app;
    }

    // The page boots with one inline script, allowed by its per-request nonce; the reference injects its own styles.
    private static string PolicyFor(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'self'";
}
