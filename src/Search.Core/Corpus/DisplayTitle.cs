using System.Text.RegularExpressions;

namespace Search.Core.Corpus;

/// <summary>
/// Derives a headline for articles that have none (the seed format): the body's first sentence,
/// cut at a word boundary after at most <see cref="MaxLength"/> characters with an ellipsis.
/// </summary>
public static partial class DisplayTitle
{
    /// <summary>The longest derived title, ellipsis included.</summary>
    public const int MaxLength = 120;

    public static string FromBody(string body)
    {
        var firstParagraph = body.Split("\n\n", 2)[0].Trim();
        var end = SentenceEnd().Match(firstParagraph);
        var sentence = end.Success ? firstParagraph[..end.Index] : firstParagraph;
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return string.Concat(sentence.AsSpan(0, cut > 0 ? cut : MaxLength - 1).TrimEnd(",;:–- "), "…");
    }

    // A sentence ends at . ! or ? followed by a space and a capital or an opening quote, but not after a
    // number ("am 7. Dezember") or a single capital ("Joe F. Biden").
    [GeneratedRegex(@"(?<=(?<![\d\s]|\b\p{Lu})[.!?])\s+(?=[\p{Lu}„""»])")]
    private static partial Regex SentenceEnd();
}
