using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Api.Contracts;

/// <summary>
/// Compile-time JSON metadata and writers for the read responses: a search response is written by generated code
/// instead of reflection-built accessors. The options match the API's (web defaults, nulls left out, numbers strict),
/// so the generated fast path is taken; any other type still goes through the reflection resolver after this one.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(RelatedResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(SuggestResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
