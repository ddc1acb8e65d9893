using System.Text;

namespace Search.Core.Highlighting;

/// <summary>
/// Escapes the five HTML-significant characters and nothing else, so snippets keep readable umlauts
/// (Lucene's SimpleHTMLEncoder turns every non-ASCII character into a numeric entity).
/// </summary>
internal static class HtmlTextEncoder
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="builder"/>, escaped.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny("&<>\"'");
            if (next < 0)
            {
                builder.Append(text);
                return;
            }

            builder.Append(text[..next]);
            builder.Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(next + 1)..];
        }
    }
}
