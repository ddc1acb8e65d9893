using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Core.Completion;

/// <summary>
/// How the articles write an index term ("ministerprasidentenkonferenz" → "Ministerpräsidentenkonferenz",
/// "kontaktbeschrankung" → "Kontaktbeschränkungen"): the forms at the term's places in the first articles that have it
/// (the body's stored offsets; a word only titles have is found by analysing the title), most frequent first. Looked up
/// once per term and kept for every later snapshot (the forms of a word do not change); when
/// <see cref="Capacity"/> terms are kept, it starts over.
/// </summary>
internal sealed class WrittenForms(QueryFactory queries, int capacity = WrittenForms.DefaultCapacity)
{
    public const int DefaultCapacity = 200_000;

    // Enough places to see the usual form of a word: a sentence may start with an adjective.
    private const int MostPlaces = 12;
    private const int MostArticles = 3;

    private readonly ConcurrentDictionary<string, Form[]> _forms = new(StringComparer.Ordinal);

    /// <summary>The most terms kept at once.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>How the articles of <paramref name="reader"/> write <paramref name="term"/>: the most frequent form that,
    /// folded, starts with <paramref name="typed"/> (the reader's folded prefix), else the most frequent one; null when
    /// no article has it any more.</summary>
    public string? Of(IndexReader reader, string term, string typed)
    {
        if (!_forms.TryGetValue(term, out var forms))
        {
            forms = Read(reader, term);
            if (_forms.Count >= Capacity)
            {
                _forms.Clear();
            }

            _forms[term] = forms;
        }

        foreach (var form in forms)
        {
            if (form.Folded.StartsWith(typed, StringComparison.Ordinal))
            {
                return form.Text;
            }
        }

        return forms.Length > 0 ? forms[0].Text : null;
    }

    private Form[] Read(IndexReader reader, string term)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = 0;
        var articles = 0;
        var bodyTerm = new Term(ArticleFields.Body, term);
        var body = new HashSet<string> { ArticleFields.Body };
        foreach (var leaf in reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermPositionsEnum(bodyTerm);
            while (postings is not null && places < MostPlaces && articles < MostArticles && postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                articles++;
                var text = leaf.AtomicReader.Document(postings.DocID, body).Get(ArticleFields.Body, CultureInfo.InvariantCulture) ?? string.Empty;
                for (var i = postings.Freq; i > 0 && places < MostPlaces; i--)
                {
                    postings.NextPosition();
                    if (postings.StartOffset >= 0 && postings.StartOffset < postings.EndOffset && postings.EndOffset <= text.Length)
                    {
                        Tally(counts, text[postings.StartOffset..postings.EndOffset]);
                        places++;
                    }
                }
            }

            if (places >= MostPlaces || articles >= MostArticles)
            {
                break;
            }
        }

        if (counts.Count == 0)
        {
            // Titles keep no offsets: analyse the first title that has the word.
            var titleTerm = new Term(ArticleFields.Title, term);
            var title = new HashSet<string> { ArticleFields.Title };
            foreach (var leaf in reader.Leaves)
            {
                var docs = leaf.AtomicReader.GetTermDocsEnum(titleTerm);
                if (docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var text = leaf.AtomicReader.Document(docs.DocID, title).Get(ArticleFields.Title, CultureInfo.InvariantCulture) ?? string.Empty;
                    foreach (var (indexTerm, written) in queries.Words(text))
                    {
                        if (indexTerm == term)
                        {
                            Tally(counts, written);
                        }
                    }

                    break;
                }
            }
        }

        return [.. counts
            .OrderByDescending(form => form.Value)
            .ThenBy(form => form.Key.Length)
            .ThenBy(form => form.Key, StringComparer.Ordinal)
            .Select(form => new Form(form.Key, GermanNewsAnalyzer.Fold(form.Key)))];
    }

    private static void Tally(Dictionary<string, int> counts, string form)
    {
        // "Masken-" at the end of "Masken- und Kittelpflicht" is the word "Masken".
        form = form.Trim('-', '\u2010', '\u2011', '\'', '\u2019');
        if (form.Length > 0)
        {
            counts[form] = counts.GetValueOrDefault(form) + 1;
        }
    }

    private sealed record Form(string Text, string Folded);
}
