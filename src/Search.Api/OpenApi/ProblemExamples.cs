using System.Text.Json.Nodes;

namespace Search.Api.OpenApi;

/// <summary>
/// The error examples of the OpenAPI document: for each operation and status, the problem details the service really
/// answers (trace ids shortened), keyed in the document by their <c>code</c>.
/// </summary>
internal static class ProblemExamples
{
    /// <summary>The problems an operation answers with this status, as the service writes them; empty when none is shown.</summary>
    public static List<JsonObject> For(string operationId, string status) => (operationId, status) switch
    {
        ("Search", "400") =>
        [
            Validation("One or more parameters are invalid.", "invalid_parameter", new()
            {
                ["month"] = "month must be a month written YYYY-MM, e.g. 2021-12; got '2021-13'.",
                ["size"] = "size must be between 1 and 100; got 0.",
            }),
            Query("prefix_too_short", "q: 'a*' needs at least 2 characters before *; a shorter prefix matches too many words."),
            Query("too_many_expansions", "q: 'ge*' matches more than 10,000 different words in the index; make it more specific (a longer prefix before *)."),
            Query("too_many_clauses", "q has 3,505 search terms (each word is looked up in title, body and caption, whole and as a compound part; a fuzzy word~ counts 50 per field); at most 1,024 are allowed. Use fewer words."),
        ],
        ("Suggest", "400") => [Validation("One or more parameters are invalid.", "invalid_parameter", new()
        {
            ["q"] = "q must end in the word being typed (a letter or digit), e.g. q=Wirec or q=Lukaschenko%20Prot; after a space or punctuation there is nothing to complete.",
            ["size"] = "size must be between 1 and 20; got 50.",
        })],
        ("Analyze", "400") => [Validation("One or more parameters are invalid.", "invalid_parameter", new()
        {
            ["text"] = "text is required: the words to analyse, e.g. text=Ferngespräche in Genf.",
        })],
        ("GetRelatedArticles", "400") => [Validation("One or more parameters are invalid.", "invalid_parameter", new() { ["size"] = "size must be between 1 and 50; got 0." })],
        ("PutArticle", "400") => [Validation("The article is invalid.", "invalid_article", new()
        {
            ["title"] = "title is required.",
            ["date"] = "date must be YYYY-MM-DD or YYYY-MM, e.g. 2021-12-09; got '2021-13'.",
        })],
        ("PostArticles", "400") => [Validation("One or more validation errors occurred.", "too_many_articles",
            new() { ["body"] = "A bulk request may hold at most 10000 articles; split it into several requests." })],
        (_, "401") => [Problem(401, "A valid key is required.", "This service needs a key to search: send Authorization: Bearer <key>.", "missing_or_invalid_key")],
        (_, "403") =>
        [
            Problem(403, "Not allowed.", "The read key allows searching only; writes need the admin key.", "read_key_cannot_write"),
            Problem(403, "Not allowed.", "This service is read-only: no admin key is configured. Set Search:AdminKey to allow writes.", "writes_disabled"),
        ],
        (_, "404") => [Problem(404, "Article not found.", "There is no article with id 'nope'. Ids come from the hits of /api/search.", "article_not_found")],
        (_, "413") => [Problem(413, "The request body is too large.",
            "This endpoint accepts request bodies of at most 33,554,432 bytes; split a bulk upload into several requests.", "body_too_large")],
        (_, "415") => [Problem(415, "Unsupported Media Type",
            "The request body must be application/json for PUT /api/articles/{id} and application/x-ndjson (one article per line) for POST /api/articles; send it with that Content-Type.",
            "unsupported_media_type")],
        (_, "429") => [Problem(429, "Too many requests.", "This client may send 600 requests a minute. Try again in 1 s (Retry-After).", "rate_limited")],
        (_, "503") =>
        [
            Problem(503, "The index cannot take writes right now.",
                "The index at /srv/search/index-data is locked by another writer. Wait for the other indexer to finish, then run again.", "index_unavailable"),
            Problem(503, "The cluster's log did not acknowledge the write.",
                "The write was not acknowledged by the cluster's log within 10 s (no acknowledgement came: NATS unreachable or the stream without a quorum); it may or may not be stored. Writes are upserts and deletes by id: sending the request again is safe.",
                "cluster_unavailable"),
        ],
        (_, "507") => [Problem(507, "The index's disk is full; the write was not stored.",
            "No space left on the disk that holds the index at /srv/search/index-data. The index was left as of its last commit: nothing written after that commit was kept. Free space on that disk (or move the index to a larger one), then try again.", "disk_full")],
        _ => [],
    };

    private static JsonObject Problem(int status, string title, string detail, string code) => new()
    {
        ["type"] = status switch
        {
            401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            429 => "https://tools.ietf.org/html/rfc6585#section-4",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        },
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
        ["code"] = code,
        ["traceId"] = "00-3c1e…-00",
    };

    private static JsonObject Query(string code, string message)
    {
        var problem = Validation("One or more parameters are invalid.", code, new() { ["q"] = message });
        problem["detail"] = message;
        return problem;
    }

    private static JsonObject Validation(string title, string code, Dictionary<string, string> errors)
    {
        var problem = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = title,
            ["status"] = 400,
            ["errors"] = new JsonObject(errors.Select(error => KeyValuePair.Create(error.Key, (JsonNode?)new JsonArray(error.Value)))),
        };
        problem["code"] = code;
        problem["traceId"] = "00-3c1e…-00";
        return problem;
    }
}
