using System.Text;
using Lucene.Net.Search.Highlight;

namespace Search.Core.Highlighting;

/// <summary>
/// Escapes the five HTML-significant characters and nothing else, so snippets keep readable umlauts
/// (Lucene's SimpleHTMLEncoder turns every non-ASCII character into a numeric entity).
/// </summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public static readonly HtmlTextEncoder Instance = new();

    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }
}
