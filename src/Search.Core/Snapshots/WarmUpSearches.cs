using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Spelling;

namespace Search.Core.Snapshots;

/// <summary>
/// Searches like readers send them, made from the index itself: words of the titles of articles spread over the
/// index, alone, in pairs and as phrases, one misspelt (the typo-tolerant retry), with a month filter, on page 2,
/// newest first, browsing; with facets and snippets on and off.
/// </summary>
internal static class WarmUpSearches
{
    // Titles of this many articles, evenly spread over the index, give the words.
    private const int SampledArticles = 48;

    private const int MinLetters = 4;

    /// <summary>The searches, in the order to run them (repeated while time is left); empty for an empty index.</summary>
    public static IReadOnlyList<SearchRequest> From(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        if (reader.NumDocs == 0)
        {
            return [];
        }

        var liveDocs = MultiFields.GetLiveDocs(reader);
        var step = Math.Max(1, reader.MaxDoc / SampledArticles);
        var articles = new List<(string[] Words, string Month)>();
        for (var doc = step / 2; doc < reader.MaxDoc && articles.Count < SampledArticles; doc += step)
        {
            if (liveDocs is not null && !liveDocs.Get(doc))
            {
                continue;
            }

            var stored = searcher.Doc(doc);
            var words = Words(stored.Get(ArticleFields.Title, CultureInfo.InvariantCulture) ?? string.Empty);
            var date = stored.Get(ArticleFields.Date, CultureInfo.InvariantCulture) ?? string.Empty;
            if (words.Length > 0 && date.Length >= 7)
            {
                articles.Add((words, date[..7]));
            }
        }

        // Mostly the plain searches most readers send, which must be fast first; the costly kinds (snippets, the
        // typo-tolerant retry, deeper pages) often enough for their code to be optimised too.
        var searches = new List<SearchRequest>();
        for (var i = 0; i < articles.Count; i++)
        {
            var (words, month) = articles[i];
            var pair = words.Length > 1 ? $"{words[0]} {words[1]}" : words[0];
            var longest = words.MaxBy(word => word.Length)!;
            searches.Add(new SearchRequest(words[0], [], 1, 10) { Facets = false, Snippets = false });
            searches.Add(new SearchRequest(pair, [], 1, 10) { Facets = false, Snippets = false });
            searches.Add(new SearchRequest(longest, [month], 1, 10) { Facets = false, Snippets = false });
            searches.Add(new SearchRequest(words[^1], [], 1, 10) { Facets = true, Snippets = false });
            searches.Add(new SearchRequest($"\"{pair}\"", [], 1, 10) { Facets = true, Snippets = true });
            if (i % 2 == 0)
            {
                searches.Add(new SearchRequest(pair, [], 2, 10) { Facets = true, Snippets = true });
            }

            if (i % 4 == 1)
            {
                searches.Add(new SearchRequest(Misspelt(longest), [], 1, 10) { Facets = true, Snippets = true });
            }

            if (i % 4 == 3)
            {
                searches.Add(new SearchRequest(string.Join(' ', words.Take(3)), [], 1, 10) { Facets = false, Snippets = true, Sort = SearchSort.Newest });
            }
        }

        searches.Add(new SearchRequest(string.Empty, [], 1, 10));
        return searches;
    }

    // The title's words of at least four letters, without punctuation, so each is a plain search word.
    private static string[] Words(string title) =>
    [
        .. title.Split((char[])[' ', '\t', '\n', '-', '–', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string([.. word.Where(char.IsLetterOrDigit)]))
            .Where(word => word.Length >= MinLetters),
    ];

    // Two neighbouring letters swapped in the middle: a typo that the typo-tolerant retry corrects.
    private static string Misspelt(string word)
    {
        if (word.Length < Suggestions.FuzzyMinLetters)
        {
            return word;
        }

        var letters = word.ToCharArray();
        var middle = letters.Length / 2;
        (letters[middle - 1], letters[middle]) = (letters[middle], letters[middle - 1]);
        return new string(letters);
    }
}
