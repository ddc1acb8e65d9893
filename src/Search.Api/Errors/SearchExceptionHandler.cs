using Microsoft.AspNetCore.Diagnostics;
using Search.Cluster.Node;
using Search.Core.Errors;
using Search.Core.Indexing;

namespace Search.Api.Errors;

/// <summary>
/// Turns errors the caller can fix into 400 problem details that name the parameter: queries beyond the engine's limits,
/// bad cursors, and values ASP.NET Core could not bind (e.g. <c>page=abc</c>). A locked index is a 503 with Retry-After,
/// so is a write the cluster's log did not acknowledge (cluster mode), a full disk a 507. Everything else stays a 500.
/// </summary>
internal sealed partial class SearchExceptionHandler(IProblemDetailsService problems, ILogger<SearchExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The code of a write that the cluster's log did not acknowledge (cluster mode).</summary>
    public const string ClusterUnavailable = "cluster_unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (code, parameter, message) = exception switch
        {
            SearchInputException input => (input.Code, input.Parameter, input.Message),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status400BadRequest => ("invalid_parameter", ParameterName(bad.Message), bad.Message),
            _ => (null, null, null),
        };
        if (exception is IndexUnavailableException unavailable)
        {
            // The CLI indexer holds the index (or it needs a rebuild): nothing the caller sent was wrong; try again later.
            LogRejected(logger, "index_unavailable", unavailable.Message);
            httpContext.Response.Headers.RetryAfter = "5";
            return await WriteProblem(httpContext, exception, StatusCodes.Status503ServiceUnavailable,
                "The index cannot take writes right now.", unavailable.Message, "index_unavailable").ConfigureAwait(false);
        }

        if (exception is WriteNotAcknowledgedException notAcknowledged)
        {
            // Cluster mode: NATS is away or the stream has no quorum. Never a 500, and never an answer that claims the
            // write is stored; retrying is safe, as every write is an upsert or delete by id.
            LogRejected(logger, ClusterUnavailable, notAcknowledged.Message);
            httpContext.Response.Headers.RetryAfter = "5";
            return await WriteProblem(httpContext, exception, StatusCodes.Status503ServiceUnavailable,
                "The cluster's log did not acknowledge the write.", notAcknowledged.Message, ClusterUnavailable).ConfigureAwait(false);
        }

        if (exception is IndexDiskFullException diskFull)
        {
            // Nothing the caller sent was wrong and retrying soon will not help: the operator has to free space.
            LogDiskFull(logger, diskFull.IndexPath, diskFull);
            return await WriteProblem(httpContext, exception, StatusCodes.Status507InsufficientStorage,
                "The index's disk is full; the write was not stored.", diskFull.Message, "disk_full").ConfigureAwait(false);
        }

        if (code is null)
        {
            return false;
        }

        // On .NET 10 the middleware no longer logs exceptions that a handler handled.
        if (logger.IsEnabled(LogLevel.Information))
        {
            var quoted = ForLog(message!);
            LogRejected(logger, code, quoted);
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter ?? "request"] = [message!] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more parameters are invalid.",
            Detail = message,
            Extensions = { ["code"] = code },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    // ASP.NET Core says: Failed to bind parameter "int? page" from "abc".
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end < 0 ? null : message[(start + 1)..end].Split(' ')[^1];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A write failed: the disk that holds the index at {IndexPath} is full")]
    private static partial void LogDiskFull(ILogger logger, string indexPath, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a request ({Code}): {Message}")]
    private static partial void LogRejected(ILogger logger, string code, string message);

    // A problem that is not about the caller's input: the status, a title, the exception's message and a stable code.
    private ValueTask<bool> WriteProblem(HttpContext httpContext, Exception exception, int status, string title, string detail, string code)
    {
        httpContext.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    // The message may quote the caller's text: line breaks, other control characters and bidi overrides would let a
    // client forge or hide log lines, so they are written as \uXXXX.
    private static string ForLog(string message)
    {
        var text = new System.Text.StringBuilder(message.Length);
        foreach (var c in message)
        {
            if (char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069')
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
