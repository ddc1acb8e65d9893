using System.Text;
using Search.Core.Documents;

namespace Search.Core.Analysis;

/// <summary>
/// Text in Unicode's composed form (NFC), as articles are indexed and queries analysed. Some sources write "ä" as "a"
/// followed by a combining diaeresis: canonically the same text, but the tokenizer keeps the mark inside the word and
/// no query typed with "ä" would match it ("Geschäftsführer" in 150 of the corpus's 28,040 articles). Text already
/// composed, nearly all of it, is returned as it is.
/// </summary>
internal static class ComposedText
{
    /// <summary><paramref name="text"/> in NFC; as it is when it holds what Unicode cannot normalise (a lone surrogate, a
    /// noncharacter such as U+FFFE), which the analyzer then takes as it does any other text.</summary>
    public static string Of(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>The article with its title, body and caption in NFC (id, date, source and URL are keys and stay as they are).</summary>
    public static NewsArticle Of(NewsArticle article) => article with
    {
        Title = Of(article.Title),
        Body = Of(article.Body),
        Caption = article.Caption is null ? null : Of(article.Caption),
    };
}
