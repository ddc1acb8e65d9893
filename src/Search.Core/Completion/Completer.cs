using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Core.Completion;

/// <summary>
/// Completes the last word of what a reader typed from a snapshot's <see cref="CompletionWords"/>: the words that start
/// with it (folded as the index folds: "Munch" and "Münch" alike) and the word it is when typed in full ("Masken" is the
/// term <c>mask</c>), the words in the most articles first, each written as the articles write it
/// (<see cref="WrittenForms"/>). The words before it stay as typed. When no word starts so and the last word has
/// <see cref="MinFuzzyLetters"/> letters or more, the words that start with a prefix one edit away complete it instead
/// ("Ministerpräsidnt" → "Ministerpräsidentenkonferenz"; the first letter as typed, as in the search's typo retry).
/// </summary>
internal sealed class Completer(QueryFactory queries)
{
    /// <summary>The shortest last word that completes with a typo.</summary>
    public const int MinFuzzyLetters = 5;

    /// <summary>The longest text to complete, in characters.</summary>
    public const int MaxQueryLength = SearchRequest.MaxCompletionLength;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

    private readonly WrittenForms _forms = new(queries);

    /// <summary>At most <paramref name="size"/> completions of the last word of <paramref name="text"/>.</summary>
    /// <param name="reader">The snapshot the words come from.</param>
    /// <param name="words">The snapshot's words.</param>
    /// <param name="text">What the reader typed.</param>
    /// <param name="size">The most completions.</param>
    /// <param name="articlesWithin">With filters: how many articles within them have a term (a word in none is
    /// left out, and the words are ranked by it); null without filters.</param>
    /// <exception cref="SearchInputException">The text is too long or its last word is empty.</exception>
    public IReadOnlyList<Completion> Complete(IndexReader reader, CompletionWords words, string text, int size, Func<string, int>? articlesWithin)
    {
        var (head, last) = Split(text);
        var typed = GermanNewsAnalyzer.Fold(last);
        var found = Pick(reader, words, Typed(words, last, typed), head, typed, size, articlesWithin);
        if (found.Count == 0 && last.Length >= MinFuzzyLetters)
        {
            found = Pick(reader, words, OneEditAway(words, typed, size), head, typed, size, articlesWithin);
        }

        return found;
    }

    /// <summary>The text before the last word, kept as typed, and the last word: the letters and digits at the end.</summary>
    /// <exception cref="SearchInputException">The text is too long or does not end in a letter or digit.</exception>
    internal static (string Head, string Last) Split(string text)
    {
        if (text.Length > MaxQueryLength)
        {
            throw new SearchInputException("query_too_long", "q", $"q has {text.Length} characters; completions take at most {MaxQueryLength}.");
        }

        var start = LastWordStart(text);
        if (start == text.Length)
        {
            throw new SearchInputException(
                "empty_last_word", "q",
                "q must end in the word being typed (letters or digits), e.g. q=Wirec or q=Lukaschenko%20Prot; after a space or punctuation there is nothing to complete.");
        }

        return (text[..start], text[start..]);
    }

    /// <summary>The text before the last word and the last word, when <paramref name="text"/> ends in a plain word of
    /// <paramref name="minLetters"/> or more being typed (after a space or at the start; not in a phrase, not excluded);
    /// null otherwise.</summary>
    internal static (string Head, string Last)? Typing(string text, int minLetters)
    {
        var start = LastWordStart(text);
        var inPhrase = text.AsSpan(0, start).Count('"') % 2 == 1;
        return text.Length - start >= Math.Max(1, minLetters) && (start == 0 || char.IsWhiteSpace(text[start - 1])) && !inPhrase
            ? (text[..start], text[start..])
            : null;
    }

    // Where the letters and digits at the end of the text start (its length when it ends in neither).
    private static int LastWordStart(string text)
    {
        var start = text.Length;
        while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    /// <summary>The index terms in the most articles that start with <paramref name="last"/> (folded), at most
    /// <paramref name="count"/>, for the search to match the word being typed.</summary>
    internal static IReadOnlyList<string> Expansions(CompletionWords words, string last, int count) =>
        [.. words.StartingWith(GermanNewsAnalyzer.Fold(last)).Take(count).Select(at => words[at])];

    // The words that start with the typed prefix, and the word it is when typed in full, in the most articles first.
    private IEnumerable<int> Typed(CompletionWords words, string last, string typed)
    {
        var whole = queries.Words(last)
            .Select(word => words.IndexOf(word.Term))
            .Where(at => at >= 0)
            .Distinct()
            .OrderByDescending(words.Articles)
            .ToList();
        var next = 0;
        foreach (var at in words.StartingWith(typed))
        {
            while (next < whole.Count && words.Articles(whole[next]) >= words.Articles(at))
            {
                yield return whole[next++];
            }

            yield return at;
        }

        while (next < whole.Count)
        {
            yield return whole[next++];
        }
    }

    // The words that start with a prefix one edit (a letter left out, added, changed or two swapped) from the typed one.
    private static List<int> OneEditAway(CompletionWords words, string typed, int size)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        // The first letter as typed; a letter added at the end adds nothing (every word that starts so starts with
        // the typed prefix).
        for (var i = 1; i < typed.Length; i++)
        {
            prefixes.Add(typed.Remove(i, 1));
            if (i + 1 < typed.Length)
            {
                prefixes.Add(string.Concat(typed.AsSpan(0, i), typed.AsSpan(i + 1, 1), typed.AsSpan(i, 1), typed.AsSpan(i + 2)));
            }

            foreach (var letter in Alphabet)
            {
                prefixes.Add(string.Concat(typed.AsSpan(0, i), [letter], typed.AsSpan(i + 1)));
                prefixes.Add(typed.Insert(i, letter.ToString()));
            }
        }

        prefixes.Remove(typed);
        return prefixes
            .SelectMany(prefix => words.StartingWith(prefix).Take(size * 2))
            .Distinct()
            .OrderByDescending(words.Articles)
            .ToList();
    }

    private List<Completion> Pick(IndexReader reader, CompletionWords words, IEnumerable<int> candidates, string head, string typed, int size, Func<string, int>? articlesWithin)
    {
        var found = new List<Completion>();
        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Within filters a word may be in no article: the words are taken in the order of the whole index and counted
        // within the filters until there are enough (looking at most at four times as many), then ranked by those counts.
        var looked = 0;
        var mostLooks = articlesWithin is null ? int.MaxValue : Math.Max(32, 4 * size);
        foreach (var at in candidates)
        {
            if (++looked > mostLooks || found.Count == size)
            {
                break;
            }

            var term = words[at];
            var articles = articlesWithin?.Invoke(term) ?? words.Articles(at);
            if (articles > 0 && _forms.Of(reader, term, typed) is { } written && shown.Add(written))
            {
                found.Add(new Completion(head + written, articles));
            }
        }

        return [.. found.OrderByDescending(completion => completion.Articles).Take(size)];
    }
}
