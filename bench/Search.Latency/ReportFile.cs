using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Latency;

/// <summary>Writes a report as JSON, for scripts that put us and the peers in one table.</summary>
internal static class ReportFile
{
    // Umlauts stay readable; modes are written as "Q1" and not 0; a mode without calls has NaN percentiles.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(string path, LatencyReport report) => File.WriteAllText(path, JsonSerializer.Serialize(report, Json));
}
