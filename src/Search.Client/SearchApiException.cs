using System.Net;

namespace Search.Client;

/// <summary>
/// The API answered with an error status (4xx or 5xx). The properties hold its problem details
/// (RFC 9457): what went wrong, the stable <see cref="Code"/>, and for bad input the message per parameter.
/// </summary>
public sealed class SearchApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>Creates an exception without a response; prefer the instances <see cref="NewsSearchClient"/> throws.</summary>
    public SearchApiException()
        : this("The search API answered with an error.")
    {
    }

    /// <summary>Creates an exception with a message and no response details.</summary>
    public SearchApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public SearchApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error response.</summary>
    public SearchApiException(
        HttpStatusCode status,
        string? title,
        string? detail,
        string? code,
        IReadOnlyDictionary<string, string[]>? errors,
        TimeSpan? retryAfter)
        : base(Describe(status, title, detail, code, errors))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Code = code;
        Errors = errors ?? NoErrors;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status of the response, e.g. 400.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>A short summary of the problem, e.g. "One or more parameters are invalid.".</summary>
    public string? Title { get; }

    /// <summary>What went wrong in this request, and often how to fix it.</summary>
    public string? Detail { get; }

    /// <summary>The stable error code (the problem's <c>code</c> extension), e.g. <c>invalid_parameter</c> or <c>article_not_found</c>.</summary>
    public string? Code { get; }

    /// <summary>For bad input: the messages per parameter or field name, e.g. <c>month</c>. Empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = NoErrors;

    /// <summary>How long to wait before trying again, from the <c>Retry-After</c> header (e.g. on 503); null when absent.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(HttpStatusCode status, string? title, string? detail, string? code, IReadOnlyDictionary<string, string[]>? errors)
    {
        var messages = errors?.SelectMany(error => error.Value).ToHashSet() ?? [];
        var parts = new List<string> { $"The search API answered {(int)status}{(code is null ? "" : $" ({code})")}:" };
        // The detail often repeats the one error message; say it once.
        parts.AddRange(new[] { title, detail }.OfType<string>().Where(text => text.Length > 0 && !messages.Contains(text)).Distinct());
        if (errors is not null)
        {
            parts.AddRange(errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
        }

        return string.Join(" ", parts);
    }
}
