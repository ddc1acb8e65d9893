using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Api.Security;

namespace Search.Api.Limits;

/// <summary>
/// Per-client rate limiting (429 with Retry-After; off by default, a budget per IP address and one per API key) and
/// request body caps (413), both from <c>Search:Limits</c>.
/// Both answer problem details with a stable <c>code</c>, like every other error of the API.
/// </summary>
internal static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, cancellationToken);
        });
        return services;
    }

    /// <summary>Rate limiting for everything after it in the pipeline, then the body caps of the endpoint.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } bytes)
            {
                if (context.Request.ContentLength > bytes)
                {
                    await WriteTooLargeAsync(context, bytes).ConfigureAwait(false);
                    return;
                }

                // A body without Content-Length (chunked) is counted as it is read. Kestrel does the same from the
                // endpoint metadata; TestServer does not, and the check must not depend on the server.
                context.Request.Body = new BodySizeLimitStream(context.Request.Body, bytes);
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }

            // JSON binding (PUT) swallows the body's exception and only sets the status; write the same answer for every case.
            if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted && limit is not null)
            {
                await WriteTooLargeAsync(context, limit.Value).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Caps the request body of this endpoint at <paramref name="bytes"/>; a larger one answers 413 problem details.</summary>
    public static TBuilder WithBodySizeLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(bytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>Writes the 413 answer for a body over <paramref name="bytes"/>.</summary>
    public static Task WriteTooLargeAsync(HttpContext context, long bytes)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return WriteProblemAsync(context, "https://tools.ietf.org/html/rfc9110#section-15.5.14", "The request body is too large.",
            string.Create(CultureInfo.InvariantCulture, $"This endpoint accepts request bodies of at most {bytes:N0} bytes; split a bulk upload into several requests."),
            "body_too_large");
    }

    // A client with a valid key is that key wherever it calls from, with the per-key budget; everyone else is their IP
    // address, with the per-address budget. A key that is not valid counts as none, so made-up keys buy no allowance.
    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var (client, perMinute) = ClientOf(context);
        // One shared partition for every unlimited client: a partition per address would be kept for ever.
        return perMinute <= 0
            ? RateLimitPartition.GetNoLimiter("unlimited")
            : RateLimitPartition.GetTokenBucketLimiter(client, _ => BucketFor(perMinute));
    }

    /// <summary>The rate-limit partition of a request and its requests per minute (0: unlimited).</summary>
    private static (string Client, int PerMinute) ClientOf(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<SearchLimitsOptions>>().Value;
        var keys = context.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value;
        var presented = ApiKeys.BearerKey(context.Request);
        if (presented is not null)
        {
            if (!string.IsNullOrEmpty(keys.AdminKey) && ApiKeys.Matches(presented, keys.AdminKey))
            {
                return ("key:admin", limits.RequestsPerMinutePerKey);
            }

            if (!string.IsNullOrEmpty(keys.ReadKey) && ApiKeys.Matches(presented, keys.ReadKey))
            {
                return ("key:read", limits.RequestsPerMinutePerKey);
            }
        }

        return ("ip:" + context.Connection.RemoteIpAddress, limits.RequestsPerMinute);
    }

    // Bursts up to a minute's worth, refilled evenly: at least once a second, or one token at a time below 60 a minute.
    private static TokenBucketRateLimiterOptions BucketFor(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute >= 60 ? (perMinute + 59) / 60 : 1,
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var context = rejected.HttpContext;
        var (client, perMinute) = ClientOf(context);
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await WriteProblemAsync(context, "https://tools.ietf.org/html/rfc6585#section-4", "Too many requests.",
            string.Create(CultureInfo.InvariantCulture,
                $"This {(client.StartsWith("key:", StringComparison.Ordinal) ? "key" : "client")} may send {perMinute} requests a minute. Try again in {seconds} s (Retry-After)."),
            "rate_limited").ConfigureAwait(false);
    }

    private static async Task WriteProblemAsync(HttpContext context, string type, string title, string detail, string code)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Type = type,
                Status = context.Response.StatusCode,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        }).ConfigureAwait(false);
    }

    private sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
