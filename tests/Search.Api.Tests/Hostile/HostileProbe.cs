using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Api.Tests.Hostile;

/// <summary>What one hostile request got back, and every invariant it broke (none, if the service held).</summary>
public sealed record HostileOutcome(HostileRequest Request, int Status, TimeSpan Elapsed, IReadOnlyList<string> Violations, string Body)
{
    public override string ToString() =>
        $"{Request} -> {Status} in {Elapsed.TotalMilliseconds:F0} ms: {string.Join("; ", Violations)} | body: {(Body.Length <= 400 ? Body : Body[..400] + "…")}";
}

/// <summary>
/// Sends a hostile request through the real pipeline, times it and checks the invariants that hold for every input:
/// no 5xx; a 4xx is problem details that name the offending parameter; no answer slower than the time budget plus a
/// margin; a 200 has the documented shape, snippets hold no HTML but <c>&lt;mark&gt;</c>, and titles are the stored ones.
/// </summary>
internal sealed partial class HostileProbe(HttpClient client, TimeSpan slowest, IReadOnlyDictionary<string, string> storedTitles)
{
    /// <summary>The parameters of /api/search; a 400 may only name these (and only those it was sent).</summary>
    public static readonly IReadOnlySet<string> SearchParameters =
        new HashSet<string>(["q", "month", "year", "source", "from", "to", "sort", "page", "size", "cursor"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The slowest answer allowed.</summary>
    public TimeSpan Slowest => slowest;

    public async Task<HostileOutcome> SendAsync(HostileRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + request.Target));
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();

        var violations = new List<string>();
        var status = (int)response.StatusCode;
        if (stopwatch.Elapsed > slowest)
        {
            violations.Add($"slower than {slowest.TotalMilliseconds:F0} ms");
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) || !sniffing.Contains("nosniff"))
        {
            violations.Add("no X-Content-Type-Options: nosniff");
        }

        if (StackTrace().IsMatch(body))
        {
            violations.Add("the body shows a stack trace");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        try
        {
            switch (status)
            {
                case >= 500:
                    violations.Add("5xx");
                    break;
                case 200 when mediaType != "application/json":
                    violations.Add($"200 as {mediaType}, not application/json");
                    break;
                case 200:
                    using (var json = JsonDocument.Parse(body))
                    {
                        if (request.IsSearch)
                        {
                            CheckSearchShape(json.RootElement, violations);
                        }
                        else
                        {
                            CheckArticleShape(json.RootElement, request, violations);
                        }
                    }

                    break;
                case >= 400 when mediaType != "application/problem+json":
                    violations.Add($"{status} as {mediaType}, not application/problem+json");
                    break;
                case >= 400:
                    using (var problem = JsonDocument.Parse(body))
                    {
                        CheckProblem(problem.RootElement, status, request, violations);
                    }

                    break;
                default:
                    violations.Add($"unexpected status {status}");
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            violations.Add($"body does not have the documented shape ({e.GetType().Name}: {e.Message})");
        }

        return new HostileOutcome(request, status, stopwatch.Elapsed, violations, body);
    }

    private void CheckSearchShape(JsonElement root, List<string> violations)
    {
        _ = root.GetProperty("query").GetString() ?? throw new FormatException("query is null");
        var total = root.GetProperty("total").GetInt32();
        var page = root.GetProperty("page").GetInt32();
        var size = root.GetProperty("size").GetInt32();
        var took = root.GetProperty("tookMs").GetDouble();
        _ = root.GetProperty("partial").GetBoolean();
        if (total < 0 || page < 1 || size is < 1 or > 100 || page * size > 10_000 || took < 0)
        {
            violations.Add($"numbers out of their documented range: total {total}, page {page}, size {size}, tookMs {took}");
        }

        if (root.TryGetProperty("next", out var next) && string.IsNullOrEmpty(next.GetString()))
        {
            violations.Add("next is present but empty");
        }

        var hits = root.GetProperty("hits");
        if (hits.GetArrayLength() > size || hits.GetArrayLength() > total)
        {
            violations.Add($"{hits.GetArrayLength()} hits for size {size} and total {total}");
        }

        foreach (var hit in hits.EnumerateArray())
        {
            CheckHit(hit, violations);
        }

        var facets = root.GetProperty("facets");
        foreach (var name in new[] { "month", "year", "source" })
        {
            foreach (var count in facets.GetProperty(name).EnumerateArray())
            {
                if (string.IsNullOrEmpty(count.GetProperty("value").GetString()) || count.GetProperty("count").GetInt32() < 1)
                {
                    violations.Add($"facet {name} has an empty value or a count below 1: {count}");
                }
            }
        }
    }

    private void CheckArticleShape(JsonElement root, HostileRequest request, List<string> violations)
    {
        var id = root.GetProperty("id").GetString() ?? throw new FormatException("id is null");
        if (request.Target.Contains("/related", StringComparison.Ordinal))
        {
            foreach (var hit in root.GetProperty("hits").EnumerateArray())
            {
                CheckHit(hit, violations);
            }
        }
        else
        {
            _ = root.GetProperty("body").GetString() ?? throw new FormatException("body is null");
            CheckTitle(id, root.GetProperty("title").GetString(), violations);
        }
    }

    private void CheckHit(JsonElement hit, List<string> violations)
    {
        var id = hit.GetProperty("id").GetString() ?? throw new FormatException("hit id is null");
        _ = hit.GetProperty("date").GetString() ?? throw new FormatException("hit date is null");
        _ = hit.GetProperty("score").GetDouble();
        CheckTitle(id, hit.GetProperty("title").GetString(), violations);
        CheckSnippet(id, hit.GetProperty("snippet").GetString() ?? throw new FormatException("snippet is null"), violations);
    }

    // A title is plain text (the page sets it as textContent): it must be exactly the stored one, whatever the query.
    private void CheckTitle(string id, string? title, List<string> violations)
    {
        if (!storedTitles.TryGetValue(id, out var stored) || stored != title)
        {
            violations.Add($"title of {id} is not the stored title: {title}");
        }
    }

    /// <summary>A snippet is HTML in which only <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c> are tags, properly paired, and every ampersand starts an entity.</summary>
    public static string? SnippetProblem(string snippet)
    {
        var depth = 0;
        foreach (Match tag in Tag().Matches(snippet))
        {
            depth += tag.Value == "<mark>" ? 1 : -1;
            if (depth is < 0 or > 1)
            {
                return $"<mark> tags are not paired: {snippet}";
            }
        }

        if (depth != 0)
        {
            return $"<mark> tags are not paired: {snippet}";
        }

        var text = Tag().Replace(snippet, string.Empty);
        if (text.AsSpan().IndexOfAny("<>\"'") >= 0)
        {
            return $"live markup or an unescaped quote: {snippet}";
        }

        return BareAmpersand().IsMatch(text) ? $"an ampersand that starts no entity: {snippet}" : null;
    }

    private static void CheckSnippet(string id, string snippet, List<string> violations)
    {
        if (SnippetProblem(snippet) is { } problem)
        {
            violations.Add($"snippet of {id}: {problem}");
        }
    }

    private static void CheckProblem(JsonElement root, int status, HostileRequest request, List<string> violations)
    {
        if (root.GetProperty("status").GetInt32() != status)
        {
            violations.Add($"problem status {root.GetProperty("status")} differs from the HTTP status {status}");
        }

        if (string.IsNullOrEmpty(root.TryGetProperty("code", out var code) ? code.GetString() : null))
        {
            violations.Add("problem without a code");
        }

        if (status == (int)HttpStatusCode.NotFound && !request.IsSearch)
        {
            // An unknown article: the id is the parameter, and the detail must name it.
            if (code.ValueKind != JsonValueKind.String || code.GetString() != "article_not_found" ||
                root.GetProperty("detail").GetString()?.Contains("id '", StringComparison.Ordinal) != true)
            {
                violations.Add("404 does not say which article id was not found");
            }

            return;
        }

        if (status != (int)HttpStatusCode.BadRequest)
        {
            violations.Add($"{status} where only 400 (or 404 for an article) is expected");
            return;
        }

        var named = root.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        var sent = request.ParameterNames;
        if (named.Count == 0)
        {
            violations.Add("400 names no parameter");
        }

        foreach (var name in named)
        {
            var known = request.IsSearch ? SearchParameters.Contains(name) : name == "size";
            if (!known || !sent.Contains(name))
            {
                violations.Add($"400 names '{name}', which is not a parameter this request sent ({string.Join(", ", sent.Take(10))})");
            }

            if (root.GetProperty("errors").GetProperty(name).EnumerateArray().Any(message => string.IsNullOrWhiteSpace(message.GetString())))
            {
                violations.Add($"400 has an empty message for '{name}'");
            }
        }
    }

    [GeneratedRegex("</?mark>")]
    private static partial Regex Tag();

    [GeneratedRegex("&(?!(amp|lt|gt|quot|#39);)")]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"\bat (Search|Lucene|Microsoft|System)\.[\w.]+\(|StackTrace|--- End of")]
    private static partial Regex StackTrace();
}
