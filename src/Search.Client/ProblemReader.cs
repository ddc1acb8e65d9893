using System.Text.Json;

namespace Search.Client;

/// <summary>Reads an error response's problem details (RFC 9457) into a <see cref="SearchApiException"/>.</summary>
internal static class ProblemReader
{
    public static async Task<SearchApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (title, detail, code, errors) = Parse(body);
        if (title is null && detail is null && !string.IsNullOrWhiteSpace(body) && !LooksLikeJson(body))
        {
            // Not problem details (a proxy's page, say): keep the start of it, it is the only clue.
            detail = body.Length > 300 ? body[..300] + "…" : body;
        }

        return new SearchApiException(response.StatusCode, title ?? response.ReasonPhrase, detail, code, errors, RetryAfter(response));
    }

    private static (string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors) Parse(string body)
    {
        if (!LooksLikeJson(body))
        {
            return default;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            Dictionary<string, string[]>? errors = null;
            if (root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
            {
                errors = errorsElement.EnumerateObject().ToDictionary(property => property.Name, property => Messages(property.Value));
            }

            return (String(root, "title"), String(root, "detail"), String(root, "code"), errors);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero,
        _ => null,
    };

    private static string[] Messages(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? [.. value.EnumerateArray().Select(Text).OfType<string>()]
        : Text(value) is { } single ? [single] : [];

    private static bool LooksLikeJson(string body) => body.TrimStart().StartsWith('{');

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
