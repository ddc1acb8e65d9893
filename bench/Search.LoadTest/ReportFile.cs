using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.LoadTest;

/// <summary>Writes a report as JSON, for scripts that compare runs.</summary>
internal static class ReportFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A run without successful responses has NaN percentiles.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(string path, LoadReport report) => File.WriteAllText(path, JsonSerializer.Serialize(report, Json));
}
