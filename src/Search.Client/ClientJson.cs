using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Client;

/// <summary>The API's JSON conventions: camelCase, numbers as numbers, absent rather than null.</summary>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
