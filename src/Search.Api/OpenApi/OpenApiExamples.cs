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
        ["Suggest"] = new() { ["200"] = new SuggestResponse("Genf Gespr", [new SuggestionResponse("Genf Gespräche", 1)]) },
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

    // What a reader has typed when /api/suggest completes it (the other operations' q is the whole words).
    private static readonly JsonNode SuggestText = "Genf Gespr";

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
        document.Info.Description = ApiOverview.Describe(limits);
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
                parameter.Example = parameter.Name is { } name && (id == "Suggest" && name == "q" ? SuggestText : Parameters.GetValueOrDefault(name)) is { } example ? example.DeepClone() : null;
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

        if (ResponseDescriptions.For(status, limits) is { } description)
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
            else if (ProblemExamples.For(operationId, status) is { Count: > 0 } problems)
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
}
