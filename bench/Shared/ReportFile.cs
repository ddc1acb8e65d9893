using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Bench;

/// <summary>Writes a benchmark report as JSON, for scripts that put runs (ours and the peers') in one table.</summary>
internal static class ReportFile
{
    // Umlauts stay readable; enums are written by name ("Q1", not 0); a mode or run without calls has NaN percentiles.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(string path, T report) => File.WriteAllText(path, JsonSerializer.Serialize(report, Json));
}
