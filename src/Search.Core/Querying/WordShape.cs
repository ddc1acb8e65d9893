namespace Search.Core.Querying;

/// <summary>
/// The shapes of a typed word that the query path tells apart: a clause of one word (<see cref="SingleWord"/>), of letters
/// only (<see cref="PlainWord"/>), and those <see cref="QueryFactory"/> also matches another way: a hyphenated word
/// ("Home-Office", also as the one word its parts make) and letters with a number ("Covid19", also as "Covid 19").
/// </summary>
internal static class WordShape
{
    /// <summary>The one word of <paramref name="clause"/>, typed as a word (no phrase, prefix, typo mark or field) and not
    /// excluded; null for any other clause.</summary>
    public static QueryTerm? SingleWord(QueryClause clause) =>
        !clause.Excluded && clause.Alternatives is [{ Kind: TermKind.Word, Field: null } word] ? word : null;

    /// <summary>The one word of <paramref name="clause"/> (<see cref="SingleWord"/>) when it is letters only, so one index
    /// term or a stopword ("Masken", not "FFP2" or "Home-Office"); null otherwise.</summary>
    public static QueryTerm? PlainWord(QueryClause clause) =>
        SingleWord(clause) is { } word && word.Text.All(char.IsLetter) ? word : null;

    /// <summary>A word of two parts of letters joined by one hyphen ("Home-Office", "Corona-Krise"), as its two parts; null
    /// for any other clause.</summary>
    public static (QueryTerm Left, QueryTerm Right)? Hyphenated(QueryClause clause)
    {
        if (SingleWord(clause) is not { } word)
        {
            return null;
        }

        var hyphen = word.Text.IndexOf('-', StringComparison.Ordinal);
        return hyphen > 0 && hyphen < word.Text.Length - 1 && word.Text[..hyphen].All(char.IsLetter)
            && word.Text[(hyphen + 1)..].All(char.IsLetter)
            ? (new QueryTerm(TermKind.Word, word.Text[..hyphen]), new QueryTerm(TermKind.Word, word.Text[(hyphen + 1)..]))
            : null;
    }

    /// <summary>A word of two letters or more and then digits ("Covid19", "G20"), as the letters and the number apart
    /// ("Covid 19"); null for any other clause.</summary>
    public static string? LettersThenDigits(QueryClause clause)
    {
        if (SingleWord(clause) is not { } word)
        {
            return null;
        }

        var digits = word.Text.AsSpan().IndexOfAnyInRange('0', '9');
        return digits >= 2 && word.Text[..digits].All(char.IsLetter) && word.Text[digits..].All(char.IsAsciiDigit)
            ? string.Concat(word.Text.AsSpan(0, digits), " ", word.Text.AsSpan(digits))
            : null;
    }
}
