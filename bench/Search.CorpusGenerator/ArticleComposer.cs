using System.Buffers;
using System.Globalization;

namespace Search.CorpusGenerator;

/// <summary>
/// Writes synthetic article number n as one JSON line (<c>id, date, title, body, source</c>) built from real sentences.
/// A Zipf-chosen topic article gives the title, the source and most sentences, in their original order, so popular
/// topics recur and term statistics stay skewed; the other sentences come from other Zipf-chosen articles.
/// The body length is the length of a random real body, so lengths follow the source corpus.
/// </summary>
internal sealed class ArticleComposer
{
    // Three in four sentences continue the topic article; the rest are quotes and background from elsewhere.
    private const double TopicShare = 0.75;

    // Zipf–Mandelbrot over 28,000 source articles: the top topic backs about 0.3 % of all articles, the rarest a few per million.
    private const double PopularityExponent = 1.0;
    private const double PopularityOffset = 50;

    // The source corpus has about 3 sentences (350 characters) per paragraph.
    private const int MaxParagraphSentences = 5;

    private readonly SentencePool _pool;
    private readonly int _seed;
    private readonly DateSampler _dates;
    private readonly ZipfSampler _popularity;
    private readonly int[] _articleByRank;

    public ArticleComposer(SentencePool pool, int seed, DateSampler dates)
    {
        _pool = pool;
        _seed = seed;
        _dates = dates;
        _popularity = new ZipfSampler(pool.ArticleCount, PopularityExponent, PopularityOffset);

        // Which source articles are popular depends on the seed, not on the corpus order (which is by date).
        _articleByRank = [.. Enumerable.Range(0, pool.ArticleCount)];
        new Random(seed).Shuffle(_articleByRank);
    }

    /// <summary>The share of generated articles whose topic is the most popular source article.</summary>
    public double HeadTopicShare => _popularity.HeadProbability;

    /// <summary>Writes article <paramref name="number"/> (1-based) and a trailing newline.</summary>
    public void Write(int number, IBufferWriter<byte> output)
    {
        var random = new Random(ArticleSeeds.For(_seed, number));
        var date = _dates.Sample(random);
        var topic = PickArticle(random);
        var targetLength = _pool.BodyLength(random.Next(_pool.ArticleCount));

        output.Write("{\"id\":\"gen-"u8);
        WriteFormatted(output, number, default);
        output.Write("\",\"date\":\""u8);
        WriteFormatted(output, date, "yyyy-MM-dd");
        output.Write("\",\"title\":\""u8);
        output.Write(_pool.Title(topic));
        output.Write("\",\"body\":\""u8);
        WriteBody(output, random, topic, targetLength);
        output.Write("\",\"source\":\""u8);
        output.Write(_pool.Source(topic));
        output.Write("\"}\n"u8);
    }

    private void WriteBody(IBufferWriter<byte> output, Random random, int topic, int targetLength)
    {
        // Half the articles open with the topic's lead, the others somewhere inside it.
        var next = _pool.FirstSentence(topic);
        var end = _pool.EndSentence(topic);
        if (random.Next(2) == 1)
        {
            next += random.Next(end - next);
        }

        var length = 0;
        while (length < targetLength)
        {
            if (length > 0)
            {
                output.Write("\\n\\n"u8);
                length += 4;
            }

            var sentences = random.Next(1, MaxParagraphSentences + 1);
            for (var i = 0; i < sentences && length < targetLength; i++)
            {
                int sentence;
                if (random.NextDouble() < TopicShare)
                {
                    if (next == end)
                    {
                        // The topic is used up: carry on with a related story.
                        topic = PickArticle(random);
                        (next, end) = (_pool.FirstSentence(topic), _pool.EndSentence(topic));
                    }

                    sentence = next++;
                }
                else
                {
                    var other = PickArticle(random);
                    sentence = random.Next(_pool.FirstSentence(other), _pool.EndSentence(other));
                }

                if (i > 0)
                {
                    output.Write(" "u8);
                    length++;
                }

                var text = _pool.Sentence(sentence);
                output.Write(text);
                length += text.Length;
            }
        }
    }

    private int PickArticle(Random random) => _articleByRank[_popularity.Sample(random)];

    private static void WriteFormatted<T>(IBufferWriter<byte> output, T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Could not format {value}.");
        }

        output.Advance(written);
    }
}
