using System.Text.Json;

namespace Search.LoadTest;

/// <summary>Reads the two top-level fields of a search response the report needs, without building the whole document.</summary>
internal static class ResponseFields
{
    /// <summary>True when <paramref name="body"/> is a search response object with a numeric <c>tookMs</c>.</summary>
    public static bool TryRead(byte[] body, out double tookMs, out bool partial)
    {
        tookMs = 0;
        partial = false;
        var found = false;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("tookMs"u8))
                {
                    reader.Read();
                    found = reader.TryGetDouble(out tookMs);
                }
                else if (reader.ValueTextEquals("partial"u8))
                {
                    reader.Read();
                    partial = reader.TokenType == JsonTokenType.True;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return found;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
