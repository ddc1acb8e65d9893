using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Search.Api.OpenApi;

/// <summary>
/// Makes the OpenAPI document say exactly what the service takes, for generated clients and linters: the query switches
/// that are bound as text (to answer a bad value with a 400 that names it) typed as a boolean or an enum, the tags
/// described, the NDJSON bulk body a stream of bytes, <c>/health</c> public, and a relative server, so the document does not depend on the host that served it.
/// </summary>
internal sealed class OpenApiShape : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, Func<OpenApiSchema>> ParameterSchemas = new()
    {
        ["typos"] = () => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(true) },
        ["sort"] = () => Enumeration("relevance", "relevance", "fresh", "newest", "oldest"),
        ["prefix"] = () => Enumeration("none", "last", "none"),
    };

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Search"] = "Ranked full-text search, completions of the word being typed, and how the index analyses a text.",
        ["Articles"] = "Whole articles by id and the articles most similar to one.",
        ["Writes"] = "Adding, replacing and deleting articles: durable and searchable once answered; they need the admin key.",
        ["Service"] = "Whether the service can search, and how many articles it holds.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The document's own origin, as the OpenAPI default is when servers is missing, but explicit: the service is reached
        // under many names (localhost, a container's name, a proxy's host), and clients take this as their base address.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document." }];
        document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.Name is { } name && ParameterSchemas.TryGetValue(name, out var schema))
                {
                    parameter.Schema = schema();
                }
            }

            if (operation.RequestBody?.Content?.TryGetValue("application/x-ndjson", out var ndjson) == true)
            {
                // Inline, not a reference to a "Stream" schema: generators (NSwag) only send a body as raw bytes when the
                // body's own schema says binary; through a reference they would serialise the stream object as JSON.
                ndjson.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }

            if (operation.Tags?.Any(tag => tag.Name == "Service") == true)
            {
                // Load balancers and probes call /health without a key, whatever keys the service has.
                operation.Security = [];
            }
        }

        document.Components?.Schemas?.Remove("Stream");
        return Task.CompletedTask;
    }

    private static OpenApiSchema Enumeration(string defaultValue, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
        Default = JsonValue.Create(defaultValue),
    };
}
