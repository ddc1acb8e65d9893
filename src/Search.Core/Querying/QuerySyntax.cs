using Search.Core.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// The search syntax people know from web search and Elasticsearch's simple_query_string: words (how many of them an
/// article needs is <see cref="QueryFactory"/>'s to decide);
/// <c>"exact phrase"</c> (also in „German“, »German« or “English” quotation marks); <c>-word</c> or <c>-"phrase"</c> excludes; <c>a OR b</c> (also <c>|</c>) lets either match
/// (OR binds closer than the implied AND: <c>Genf Gespräche OR Verhandlungen</c> = Genf AND (Gespräche OR Verhandlungen));
/// <c>prefix*</c>; <c>word~</c> tolerates typos; <c>title:Wort</c> and <c>title:"a phrase"</c> search one field
/// (<c>title</c>/<c>titel</c>, <c>body</c>/<c>text</c>, <c>caption</c>/<c>bild</c>).
/// </summary>
/// <remarks>
/// Every text parses: anything that is not syntax is searched as words. An unbalanced quote is ignored, a colon after an
/// unknown name is punctuation ("Corona: neue Regeln"), an apostrophe's s is dropped ("Trump's"), a dash between two
/// letters is a hyphen ("Home–Office"), a leading <c>*</c> or <c>?</c> is dropped, <c>AND</c> is the
/// default anyway, and other operator characters are punctuation that analysis removes.
/// </remarks>
internal static class QuerySyntax
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = Documents.ArticleFields.Title,
        ["titel"] = Documents.ArticleFields.Title,
        ["body"] = Documents.ArticleFields.Body,
        ["text"] = Documents.ArticleFields.Body,
        ["caption"] = Documents.ArticleFields.Caption,
        ["bild"] = Documents.ArticleFields.Caption,
    };

    // The quotation marks readers paste or their keyboards make ("„Zweite Welle“", "»Zweite Welle«", "“Zweite Welle”"),
    // each read as ". Single marks are left alone: they are apostrophes as often ("geht’s").
    private const string QuotationMarks = "„“”»«";

    // The dashes that join words in pasted text ("Home–Office"), each read as a hyphen between two letters or digits.
    private const string Dashes = "‐‑–—";

    /// <summary>Whether <paramref name="text"/> is a question: it has a question mark, or its first word asks
    /// (<see cref="OptionalWords.AskingWords"/>: "Wie funktioniert die Luca-App", as readers type it without the mark), or
    /// it starts with an auxiliary or modal verb, capitalised as a sentence starts, and has more words
    /// (<see cref="OptionalWords.AskingVerbs"/>: "Wird der Soli abgeschafft"; "darf raus Straße" is words copied from
    /// a headline). The reader asks in words of their own, not in words copied from an article.</summary>
    public static bool IsQuestion(string text)
    {
        if (text.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var trimmed = text.AsSpan().TrimStart();
        var end = trimmed.IndexOfAny(' ', '\t');
        var first = end < 0 ? trimmed.ToString() : trimmed[..end].ToString();
        return OptionalWords.AskingWords.Contains(GermanNewsAnalyzer.Fold(first))
            || (end >= 0 && char.IsUpper(first[0]) && OptionalWords.AskingVerbs.Contains(first.ToLowerInvariant()));
    }

    public static IReadOnlyList<QueryClause> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(QuotationMarks) >= 0 || text.AsSpan().IndexOfAny(Dashes) >= 0)
        {
            text = string.Create(text.Length, text, static (chars, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    chars[i] = QuotationMarks.Contains(text[i], StringComparison.Ordinal) ? '"'
                        : Dashes.Contains(text[i], StringComparison.Ordinal) && i > 0 && i < text.Length - 1
                            && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]) ? '-'
                        : text[i];
                }
            });
        }

        var clauses = new List<QueryClause>();
        var orPending = false;
        var notPending = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var excluded = notPending;
            notPending = false;
            if (text[i] is '-' or '!' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = true;
                i++;
            }
            else if (text[i] == '+' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                i++;
            }

            var signed = i != start;
            var field = ReadField(text, ref i);
            QueryTerm? term;
            if (i < text.Length && text[i] == '"' && text.IndexOf('"', i + 1) is var close and > 0)
            {
                term = new QueryTerm(TermKind.Phrase, text[(i + 1)..close], field);
                i = close + 1;
            }
            else
            {
                if (i < text.Length && text[i] == '"')
                {
                    i++; // an unbalanced quote: the rest is plain words
                }

                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                {
                    end++;
                }

                var raw = text[i..end];
                i = end;
                if (!signed && field is null)
                {
                    // Operators stand alone: OR and | join neighbours, AND and && are the default, NOT excludes.
                    switch (raw)
                    {
                        case "OR" or "|" or "||":
                            orPending = clauses.Count > 0;
                            continue;
                        case "AND" or "&&" or "&":
                            continue;
                        case "NOT":
                            notPending = true;
                            continue;
                    }
                }

                term = ReadWord(raw, field);
            }

            if (term is null)
            {
                continue;
            }

            if (orPending && !excluded && clauses[^1] is { Excluded: false } previous)
            {
                clauses[^1] = previous with { Alternatives = [.. previous.Alternatives, term] };
            }
            else
            {
                clauses.Add(new QueryClause(excluded, [term]));
            }

            orPending = false;
        }

        return clauses;
    }

    // "title:" and the like before a word or phrase; other names are text.
    private static string? ReadField(string text, ref int i)
    {
        var colon = text.IndexOf(':', i);
        if (colon <= i || colon + 1 >= text.Length || char.IsWhiteSpace(text[colon + 1]))
        {
            return null;
        }

        var name = text.AsSpan(i, colon - i);
        foreach (var (alias, field) in FieldNames)
        {
            if (name.Equals(alias, StringComparison.OrdinalIgnoreCase))
            {
                i = colon + 1;
                return field;
            }
        }

        return null;
    }

    private static QueryTerm? ReadWord(string raw, string? field)
    {
        var word = raw.TrimStart('*', '?');
        if (word.Length == 0)
        {
            return null;
        }

        var tilde = word.LastIndexOf('~');
        if (tilde > 0 && (tilde == word.Length - 1 || (tilde == word.Length - 2 && word[^1] is >= '0' and <= '9')))
        {
            var edits = tilde == word.Length - 1 ? 2 : Math.Min(2, word[^1] - '0');
            return IsPlain(word[..tilde]) ? new QueryTerm(TermKind.Fuzzy, word[..tilde], field, edits) : new QueryTerm(TermKind.Word, word[..tilde], field);
        }

        if (word.EndsWith('*'))
        {
            var prefix = word.TrimEnd('*');
            return IsPlain(prefix) ? new QueryTerm(TermKind.Prefix, prefix, field) : new QueryTerm(TermKind.Word, prefix, field);
        }

        // An apostrophe's s ("Trump's Twitter") is no word of its own: the apostrophe ends a word (WordBreakCharFilter), and
        // the lone s would be one more word an article must have.
        if (word.Length > 3 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’' && char.IsLetter(word[^3]))
        {
            word = word[..^2];
        }

        // A colon that names no field is punctuation, also between words ("Ukraine:Genf"; the tokenizer would keep it).
        return new QueryTerm(TermKind.Word, word.Replace(':', ' '), field);
    }

    // A prefix or fuzzy word must be one plain word (letters and digits); "Corona-Impf*" is searched as words.
    private static bool IsPlain(string text) => text.Length > 0 && text.All(char.IsLetterOrDigit);
}
