namespace Search.Api.Tests.Hostile;

/// <summary>
/// One hostile request: the kind of input it carries (for the summary) and its target, path and query exactly as
/// they go on the wire (already percent-encoded, so invalid UTF-8 escapes reach the server unchanged).
/// </summary>
public sealed record HostileRequest(string Kind, string Target)
{
    /// <summary>A search whose parameters are encoded the way a browser encodes a form: every value as UTF-8 percent-escapes.</summary>
    public static HostileRequest Search(string kind, params (string Name, string Value)[] parameters) =>
        new(kind, "/api/search?" + string.Join('&', parameters.Select(p => Encode(p.Name) + "=" + Encode(p.Value))));

    /// <summary>A search whose query string is sent as written (for raw percent sequences, empty keys, stray ampersands).</summary>
    public static HostileRequest RawSearch(string kind, string query) => new(kind, "/api/search?" + query);

    /// <summary>An article (or its related articles) under an id encoded as one path segment.</summary>
    public static HostileRequest Article(string kind, string id, bool related = false, string? query = null) =>
        RawArticle(kind, Encode(id), related, query);

    /// <summary>An article whose path segment is sent as written.</summary>
    public static HostileRequest RawArticle(string kind, string segment, bool related = false, string? query = null) =>
        new(kind, "/api/articles/" + segment + (related ? "/related" : string.Empty) + (query is null ? string.Empty : "?" + query));

    /// <summary>True for /api/search, false for the article endpoints.</summary>
    public bool IsSearch => Target.StartsWith("/api/search", StringComparison.Ordinal);

    /// <summary>The parameter names of the query string, decoded, as the server's binder sees them (case-insensitively).</summary>
    public IReadOnlySet<string> ParameterNames
    {
        get
        {
            var start = Target.IndexOf('?', StringComparison.Ordinal);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (start < 0)
            {
                return names;
            }

            foreach (var pair in Target[(start + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = pair.Split('=', 2)[0].Replace('+', ' ');
                names.Add(Uri.UnescapeDataString(name));
            }

            return names;
        }
    }

    /// <summary>Percent-encodes every character but the unreserved ones; a lone surrogate becomes U+FFFD, as browsers send it.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    public override string ToString() => Target.Length <= 160 ? $"[{Kind}] {Target}" : $"[{Kind}] {Target[..160]}… ({Target.Length} chars)";
}
