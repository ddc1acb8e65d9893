using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Scoring;

/// <summary>
/// The score of each of the index's most common words in every article, worked out once per index snapshot. A word
/// of the user's is looked up in five postings lists (<see cref="QueryFactory.WordQuery"/>: title, body and caption,
/// whole and as a compound part). In a search of several words every candidate article advances all five lists of
/// every other word, and for a common word ("Corona" is in 96 % of the real corpus) that decodes nearly every block of
/// them: more than half of the slowest searches. With a table, checking an article and scoring it is one array read.
/// The tables are filled by the word's own scorers, so hits, scores and order are exactly those without them.
/// </summary>
/// <remarks>Built in the background as a snapshot opens (a warmer, in Lucene's terms), most common word first,
/// until <see cref="DefaultBudget"/> is spent: a word takes 8 bytes per article that has it (its document and score),
/// or 4 bytes per article of the index when more than half have it.</remarks>
internal sealed class CommonWords
{
    /// <summary>The memory the tables of one snapshot may take.</summary>
    public const long DefaultBudget = 32L << 20;

    /// <summary>A word needs at least this many articles to be kept: below, its postings are short enough.</summary>
    public const int MinArticles = 128;

    /// <summary>A word needs at least one article in this many to be kept.</summary>
    public const int MinShare = 16;

    private readonly IndexReader? _reader;
    private readonly Dictionary<Query, Table> _tables;

    private CommonWords(IndexReader? reader, Dictionary<Query, Table> tables, TimeSpan buildTime = default)
    {
        _reader = reader;
        _tables = tables;
        Summary = new CommonWordSummary(tables.Count, tables.Values.Sum(table => table.Bytes), buildTime);
    }

    /// <summary>No tables: every word is read from its postings.</summary>
    public static CommonWords None { get; } = new(null, []);

    /// <summary>How many words have a table, the memory they take and how long they took to build.</summary>
    public CommonWordSummary Summary { get; }

    /// <summary>The words with a table, most common first.</summary>
    public IEnumerable<string> Words => _tables.Values.OrderByDescending(table => table.Articles).ThenBy(table => table.Word, StringComparer.Ordinal).Select(table => table.Word);

    /// <summary>The tables of the most common words of the body field in <paramref name="searcher"/>'s snapshot, as
    /// many as <paramref name="budget"/> bytes hold.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    /// <param name="searcher">The snapshot's searcher, with its similarity.</param>
    /// <param name="budget">The memory the tables may take, in bytes.</param>
    /// <param name="weights">The ranking the words are scored by (<see cref="RankingWeights.Default"/> when null).</param>
    /// <param name="cancellation">Stops the build.</param>
    public static CommonWords Build(IndexSearcher searcher, long budget, RankingWeights? weights = null, CancellationToken cancellation = default)
    {
        var start = Stopwatch.GetTimestamp();
        var reader = searcher.IndexReader;
        var terms = budget <= 0 ? null : MultiFields.GetTerms(reader, ArticleFields.Body);
        if (terms is null)
        {
            return None;
        }

        // The most common words, by the number of articles with the word in the body.
        var minArticles = Math.Max(MinArticles, reader.MaxDoc / MinShare);
        var common = new List<(string Word, int Articles)>();
        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            if (termsEnum.DocFreq >= minArticles && termsEnum.Term.Utf8ToString() is var word && !word.StartsWith(CompoundPartMarkFilter.Marker))
            {
                common.Add((word, termsEnum.DocFreq));
            }
        }

        var tables = new Dictionary<Query, Table>();
        using var lookups = new TermLookups(searcher.TopReaderContext);
        foreach (var (word, articles) in common.OrderByDescending(word => word.Articles).ThenBy(word => word.Word, StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();

            // The body's articles are the fewest the table can hold (it has those of every field, deleted ones included).
            if (Math.Min(4L * reader.MaxDoc, 8L * articles) > budget)
            {
                break;
            }

            var query = QueryFactory.WordQuery(word, weights ?? RankingWeights.Default);
            if (Fill(searcher, lookups.Resolve(query), word, articles) is not { } table)
            {
                continue;
            }

            if (table.Bytes > budget)
            {
                break;
            }

            tables[query] = table;
            budget -= table.Bytes;
        }

        return new CommonWords(reader, tables, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The table of <paramref name="word"/>, a query exactly as <see cref="QueryFactory.WordQuery"/> makes it,
    /// or null when it has none.</summary>
    public Table? Find(CombinedFieldQuery word) => _tables.Count > 0 && _tables.TryGetValue(word, out var table) ? table : null;

    /// <summary>True when <paramref name="leaf"/> is a segment of the snapshot the tables were built from.</summary>
    public bool Covers(AtomicReaderContext leaf) => _reader is not null && ReaderUtil.GetTopLevelContext(leaf).Reader == _reader;

    // Scores every article of every segment through the word's own weight; null when a score would not fit the table.
    private static Table? Fill(IndexSearcher searcher, Query word, string text, int articles)
    {
        var weight = searcher.CreateNormalizedWeight(word);
        var leaves = searcher.IndexReader.Leaves;
        var segments = new Segment?[leaves.Count];
        foreach (var leaf in leaves)
        {
            var scorer = weight.GetScorer(leaf, acceptDocs: null);
            if (scorer is null)
            {
                continue;
            }

            // The cost (the postings' lengths summed over the fields) is at least the number of articles.
            var capacity = (int)Math.Min(scorer.GetCost(), leaf.AtomicReader.MaxDoc);
            var docs = new List<int>(capacity);
            var scores = new List<float>(capacity);
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                var score = scorer.GetScore();
                if (!(score > 0) || float.IsInfinity(score))
                {
                    // Zero marks an article without the word in a dense table.
                    return null;
                }

                docs.Add(doc);
                scores.Add(score);
            }

            segments[leaf.Ord] = Segment.Of(docs, scores, leaf.AtomicReader.MaxDoc, scorer.GetCost());
        }

        return new Table(text, articles, segments);
    }

    /// <summary>A word's scores in each segment (by its ordinal), or null for a segment without it.</summary>
    /// <param name="Word">The word, as the analyzer gives it.</param>
    /// <param name="Articles">How many articles have it in the body.</param>
    /// <param name="Segments">Per segment, the word's articles and their scores.</param>
    internal sealed record Table(string Word, int Articles, Segment?[] Segments)
    {
        /// <summary>The memory the table's arrays take.</summary>
        public long Bytes => Segments.Sum(segment => segment is null ? 0 : (4L * (segment.Dense?.Length ?? 0)) + (4L * segment.Docs.Length) + (4L * segment.Scores.Length));
    }

    /// <summary>The articles of a segment with the word and their scores, in whichever form takes less memory.</summary>
    /// <param name="Dense">When the word is in more than half of the articles: the score of each, zero where an article
    /// does not have the word; otherwise null.</param>
    /// <param name="Docs">Otherwise: the articles with the word, in order.</param>
    /// <param name="Scores">Otherwise: their scores.</param>
    /// <param name="Cost">What the word's own scorer estimates its cost at (the sum of its postings' lengths), so
    /// a conjunction orders its words as it would without the table.</param>
    internal sealed record Segment(float[]? Dense, int[] Docs, float[] Scores, long Cost)
    {
        public static Segment Of(List<int> docs, List<float> scores, int maxDoc, long cost)
        {
            if (8L * docs.Count <= 4L * maxDoc)
            {
                return new Segment(null, [.. docs], [.. scores], cost);
            }

            var dense = new float[maxDoc];
            for (var i = 0; i < docs.Count; i++)
            {
                dense[docs[i]] = scores[i];
            }

            return new Segment(dense, [], [], cost);
        }
    }
}
