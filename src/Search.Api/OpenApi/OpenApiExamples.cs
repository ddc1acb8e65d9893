using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Search.Api.Contracts;
using Search.Api.Limits;
using Search.Core.Facets;

namespace Search.Api.OpenApi;

/// <summary>
/// Completes the OpenAPI document: an overview, the bearer keys, the 429 every endpoint may answer, and an example of
/// every request and response, errors included. The examples are the service's real answers (trace ids shortened).
/// </summary>
internal sealed class OpenApiExamples : IOpenApiDocumentTransformer
{
    private const string SeedId = "000_93a5ca4044152280";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly SearchHitResponse Hit = new(SeedId,
        "Angesichts der Spannungen um die Ukraine werden der amerikanische Präsident Joe Biden und der russische Staatschef…", "2021-12",
        "Das letzte Ferngespräch von Joe Biden und Wladimir Putin per Videoschalte am 7. Dezember Bild: AP", null, 0.0068182223f,
        "von Themen“ einschließlich der für Januar geplanten diplomatischen <mark>Gespräche</mark> mit Russland gehen … wollen am 10. Januar in <mark>Genf</mark> zu Beratungen über den Ukraine-Konflikt zusammenkommen.");

    private static readonly Dictionary<string, Dictionary<string, object>> Successes = new()
    {
        ["Search"] = new()
        {
            ["200"] = new SearchResponse("Genf Gespräche", 1, 1, 10, 26.16, [Hit],
                new SearchFacets([new FacetCount("2021-12", 1)], [new FacetCount("2021", 1)], [])),
        },
        ["Suggest"] = new() { ["200"] = new SuggestResponse("Genf Gespräche", [new SuggestionResponse("Genf Gespräche", 1)]) },
        ["GetArticle"] = new()
        {
            ["200"] = new ArticleResponse("bodensee-1", "Treffen am Bodensee", "2021-01-20", null, null, "https://example.org/bodensee-1",
                "Diplomaten bereiten am Bodensee neue Verhandlungen vor. Ort der Gespräche ist Lindau."),
        },
        ["GetRelatedArticles"] = new() { ["200"] = new RelatedResponse(SeedId, [Hit with { Score = 4.2f }]) },
        ["PutArticle"] = new()
        {
            ["201"] = new WriteResponse("bodensee-1", "added"),
            ["200"] = new WriteResponse("bodensee-1", "updated"),
            ["202"] = new WriteResponse("bodensee-1", "accepted"),
        },
        ["PostArticles"] = new()
        {
            ["200"] = new BulkWriteResponse(1, 0, 0, 1, [
                new BulkLineResult(1, "bodensee-1", "added"),
                new BulkLineResult(2, null, "error", "id is required.")]),
            ["202"] = new BulkWriteResponse(1, 0, 0, 0, [
                new BulkLineResult(1, "bodensee-1", "added"),
                new BulkLineResult(2, "strasse-1", "accepted")], Accepted: 1),
        },
        ["Health"] = new() { ["200"] = new HealthResponse("ok", 28041, new ClusterHealth("node-1", 28046, 28046, 0, Connected: true)) },
        ["Analyze"] = new()
        {
            ["200"] = new AnalyzeResponse("Ferngespräche in Genf", [
                new AnalyzedTermResponse("ferngesprach", "Ferngespräche", 0, 13, 0, "word"),
                new AnalyzedTermResponse("§fern", "Ferngespräche", 0, 13, 0, "compound_part"),
                new AnalyzedTermResponse("§gesprach", "Ferngespräche", 0, 13, 0, "compound_part"),
                new AnalyzedTermResponse("genf", "Genf", 17, 21, 2, "word")]),
        },
    };

    private static readonly Dictionary<string, JsonNode> Parameters = new()
    {
        ["q"] = "Genf Gespräche",
        ["month"] = new JsonArray("2021-12"),
        ["year"] = new JsonArray("2021"),
        ["source"] = new JsonArray("zeit.de"),
        ["from"] = "2021-12-01",
        ["to"] = "2021-12-31",
        ["sort"] = "relevance",
        ["page"] = 1,
        ["size"] = 10,
        ["id"] = SeedId,
        ["text"] = "Ferngespräche in Genf",
        ["prefix"] = "last",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var limits = context.ApplicationServices.GetRequiredService<IOptions<SearchLimitsOptions>>().Value;
        document.Info.Title = "German news search";
        document.Info.Description = Overview(limits);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Search:AdminKey for writes; Search:ReadKey (or the admin key) for reads when a read key is configured.",
        };

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            var id = operation.OperationId ?? string.Empty;
            operation.Responses ??= [];
            operation.Responses["429"] = new OpenApiResponse { Content = ProblemContent(document) };
            foreach (var (status, response) in operation.Responses)
            {
                Describe(id, status, response, limits);
            }

            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Example = parameter.Name is { } name && Parameters.TryGetValue(name, out var example) ? example.DeepClone() : null;
            }

            if (operation.RequestBody is OpenApiRequestBody { Content: { } body } requestBody)
            {
                DescribeBody(body);
                if (body.ContainsKey("application/x-ndjson"))
                {
                    requestBody.Description = "NDJSON: one article per line, each a JSON object like ArticleInput (id, title, date, body; optionally caption, source, url).";
                }
            }

            var writes = operation.Tags?.Any(tag => tag.Name == "Writes") == true;
            var reads = operation.Responses.ContainsKey("401") && !writes;
            if (writes || reads)
            {
                var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] };
                operation.Security = reads ? [new OpenApiSecurityRequirement(), bearer] : [bearer];
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(string operationId, string status, IOpenApiResponse response, SearchLimitsOptions limits)
    {
        if (response is not OpenApiResponse editable)
        {
            return;
        }

        if ((status == "202" ? Accepted : ErrorDescription(status, limits)) is { } description)
        {
            editable.Description = description;
        }

        if (status is "429" or "503")
        {
            editable.Headers ??= new Dictionary<string, IOpenApiHeader>();
            editable.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }

        foreach (var media in editable.Content?.Values ?? [])
        {
            if (Successes.TryGetValue(operationId, out var successes) && successes.TryGetValue(status, out var success))
            {
                media.Example = JsonSerializer.SerializeToNode(success, success.GetType(), Json);
            }
            else if (ProblemExamples(operationId, status) is { Count: > 0 } problems)
            {
                media.Examples = problems.ToDictionary(
                    problem => problem["code"]?.GetValue<string>() ?? status,
                    problem => (IOpenApiExample)new OpenApiExample { Summary = problem["detail"]?.GetValue<string>() ?? problem["title"]?.GetValue<string>(), Value = problem });
            }
        }
    }

    private static void DescribeBody(IDictionary<string, OpenApiMediaType> body)
    {
        foreach (var (contentType, media) in body)
        {
            media.Example = contentType == "application/x-ndjson"
                ? JsonValue.Create("{\"id\":\"bodensee-1\",\"title\":\"Treffen am Bodensee\",\"date\":\"2021-01-20\",\"body\":\"Diplomaten bereiten am Bodensee neue Verhandlungen vor.\"}\n" +
                    "{\"id\":\"strasse-1\",\"title\":\"Sperrung der Hauptstraße\",\"date\":\"2020-11\",\"body\":\"Die Straße bleibt bis Freitag gesperrt.\",\"source\":\"example.de\"}\n")
                : JsonSerializer.SerializeToNode(new ArticleInput(null, "Treffen am Bodensee", "2021-01-20",
                    "Diplomaten bereiten am Bodensee neue Verhandlungen vor.\n\nOrt der Gespräche ist Lindau.", Source: "example.org"), Json);
        }
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument document) => new()
    {
        ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
    };

    private const string Accepted = "Cluster mode only: the cluster's log stored the write (acknowledged by a majority of its NATS servers, so it " +
        "survives the loss of any one) but this node has not applied it within Search:Cluster:ApplyTimeoutSeconds; it becomes searchable here " +
        "when the node has caught up (see /health's cluster.lag).";

    private static string? ErrorDescription(string status, SearchLimitsOptions limits) => status switch
    {
        "400" => "Bad input: problem details whose `errors` name each bad parameter, with a stable `code`.",
        "401" => "No valid key: send `Authorization: Bearer <key>`. Reads need one only when Search:ReadKey is configured.",
        "403" => "The key may not write (it is the read key), or no admin key is configured and the service is read-only.",
        "404" => "There is no article with this id.",
        "413" => string.Create(CultureInfo.InvariantCulture,
            $"The request body is too large: at most {limits.MaxArticleBodyBytes:N0} bytes for one article, {limits.MaxBulkBodyBytes:N0} for a bulk request."),
        "415" => "The body's Content-Type is not the one this endpoint takes: application/json for one article, application/x-ndjson for many.",
        "429" => string.Create(CultureInfo.InvariantCulture,
            $"This client sent more requests a minute than its budget: Search:Limits:RequestsPerMinute per IP address ({limits.RequestsPerMinute}), Search:Limits:RequestsPerMinutePerKey per API key ({limits.RequestsPerMinutePerKey}); 0 is off, the default. Wait Retry-After seconds."),
        "503" => "The command-line indexer holds the index (`index_unavailable`), or in cluster mode the cluster's log did not acknowledge " +
            "the write in time (`cluster_unavailable`: NATS unreachable or without a quorum; it may or may not be stored, and sending it again is " +
            "safe); try again after Retry-After seconds.",
        "507" => "The index's disk is full: the write was rolled back and the index stays as it was; free space, then retry.",
        _ => null,
    };

    private static List<JsonObject> ProblemExamples(string operationId, string status) => (operationId, status) switch
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

    private static string Overview(SearchLimitsOptions limits) => string.Create(CultureInfo.InvariantCulture, $"""
        Full-text search over German news articles (Lucene with German analysis: umlauts and ß folded, inflections stemmed,
        stopwords dropped), with snippets, facets and filters, plus writes behind an admin key.

        **Errors** are `application/problem+json` with a stable `code` and the request's `traceId`: `invalid_parameter`, `invalid_cursor`,
        `prefix_too_short`, `too_many_clauses`, `too_many_expansions`, `invalid_article`, `too_many_articles` (400), `missing_or_invalid_key` (401),
        `read_key_cannot_write`, `writes_disabled` (403), `article_not_found` (404), `body_too_large` (413), `unsupported_media_type` (415),
        `rate_limited` (429), `index_unavailable`, `cluster_unavailable` (503), `disk_full` (507).

        **Limits** of this service (`Search:Limits`): `q` up to 1000 characters and {limits.MaxClauses} clauses; a prefix or wildcard
        word needs {limits.MinPrefixLength} characters before `*` or `?` and may match up to {limits.MaxTermExpansions:N0} words; fuzzy
        words (`word~`) allow at most 2 edits, keep their first {limits.FuzzyPrefixLength} character(s) and expand to the
        {limits.MaxFuzzyExpansions} most similar words; a search that runs out of its {limits.QueryTimeBudgetMs} ms budget answers with
        what it found so far and `"partial": true`; {RateLimit(limits)}.
        """);

    private static string RateLimit(SearchLimitsOptions limits) =>
        limits.RequestsPerMinute <= 0 && limits.RequestsPerMinutePerKey <= 0
            ? "no rate limit (the default; for a public endpoint set `Search:Limits:RequestsPerMinute` per IP address and `Search:Limits:RequestsPerMinutePerKey` per API key, and a client beyond its budget gets 429 with Retry-After)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{(limits.RequestsPerMinute > 0 ? $"{limits.RequestsPerMinute} requests a minute per IP address" : "no limit per IP address")} (`Search:Limits:RequestsPerMinute`) and {(limits.RequestsPerMinutePerKey > 0 ? $"{limits.RequestsPerMinutePerKey} per API key" : "no limit per API key")} (`Search:Limits:RequestsPerMinutePerKey`); 429 with Retry-After beyond");
}
