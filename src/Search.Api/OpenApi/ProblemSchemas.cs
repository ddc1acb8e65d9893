using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Search.Api.OpenApi;

/// <summary>
/// Adds <c>code</c> and <c>traceId</c> to the problem schemas as required strings: every problem this service answers
/// carries both (the handlers set <c>code</c>, <see cref="Errors.ProblemCodes"/> fills in the rest, the problem details writer
/// adds <c>traceId</c>), so generated clients see them as typed properties instead of additional data.
/// </summary>
internal sealed class ProblemSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What went wrong, stable across versions and languages, e.g. invalid_parameter or article_not_found (see the overview).",
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The W3C trace id of the request, for finding it in the service's logs.",
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        schema.Required.Add("traceId");
        return Task.CompletedTask;
    }
}
