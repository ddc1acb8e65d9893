using System.Text;

namespace Search.Cluster;

/// <summary>
/// The subject of an article in the stream: <c>articles.&lt;id&gt;</c>, the id escaped so that any id is one subject
/// token. NATS subjects split on dots and treat <c>*</c>, <c>&gt;</c> and white space specially, so every byte of the
/// id's UTF-8 outside <c>[A-Za-z0-9_-]</c> is written as <c>=XX</c> (hexadecimal); the escape is reversible.
/// </summary>
public static class ArticleSubjects
{
    /// <summary>The prefix of every article subject.</summary>
    public const string Prefix = "articles.";

    /// <summary>The subjects of the stream: every article.</summary>
    public const string All = Prefix + ">";

    /// <summary>The subject for the article id.</summary>
    public static string For(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var builder = new StringBuilder(Prefix, Prefix.Length + id.Length);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'-')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('=').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The article id of a subject written by <see cref="For"/>.</summary>
    /// <exception cref="FormatException">The subject is not an article subject.</exception>
    public static string IdOf(string subject)
    {
        if (!subject.StartsWith(Prefix, StringComparison.Ordinal) || subject.Length == Prefix.Length)
        {
            throw new FormatException($"'{subject}' is not an article subject ({Prefix}<id>).");
        }

        var token = subject.AsSpan(Prefix.Length);
        var bytes = new List<byte>(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '=')
            {
                bytes.Add((byte)token[i]);
                continue;
            }

            if (i + 2 >= token.Length
                || !byte.TryParse(token.Slice(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var escaped))
            {
                throw new FormatException($"'{subject}' has a broken escape at {i}.");
            }

            bytes.Add(escaped);
            i += 2;
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
