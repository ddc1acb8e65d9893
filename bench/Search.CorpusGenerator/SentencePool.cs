namespace Search.CorpusGenerator;

/// <summary>
/// The source corpus cut into sentences, held as JSON-escaped UTF-8 so articles are assembled by copying bytes.
/// Escaping works character by character, so escaped pieces joined together equal the escaped whole.
/// </summary>
internal sealed class SentencePool
{
    private readonly byte[] _text;
    private readonly int[] _sentenceStarts;
    private readonly int[] _articleStarts;
    private readonly byte[][] _titles;
    private readonly int[] _sourceIndexes;
    private readonly byte[][] _sources;
    private readonly int[] _bodyLengths;

    /// <param name="text">All sentences back to back.</param>
    /// <param name="sentenceStarts">Where each sentence starts in <paramref name="text"/>, plus the end of the last one.</param>
    /// <param name="articleStarts">Each article's first sentence, plus the sentence count.</param>
    /// <param name="titles">Each article's title.</param>
    /// <param name="sourceIndexes">Each article's index into <paramref name="sources"/>.</param>
    /// <param name="sources">The distinct source names.</param>
    /// <param name="bodyLengths">Each article's real body length in UTF-8 bytes.</param>
    public SentencePool(byte[] text, int[] sentenceStarts, int[] articleStarts, byte[][] titles, int[] sourceIndexes, byte[][] sources, int[] bodyLengths)
    {
        _text = text;
        _sentenceStarts = sentenceStarts;
        _articleStarts = articleStarts;
        _titles = titles;
        _sourceIndexes = sourceIndexes;
        _sources = sources;
        _bodyLengths = bodyLengths;
    }

    public int ArticleCount => _titles.Length;

    public int SentenceCount => _sentenceStarts.Length - 1;

    public long TextBytes => _text.LongLength;

    public int FirstSentence(int article) => _articleStarts[article];

    /// <summary>The index just past the article's last sentence.</summary>
    public int EndSentence(int article) => _articleStarts[article + 1];

    public ReadOnlySpan<byte> Sentence(int sentence) =>
        _text.AsSpan(_sentenceStarts[sentence], _sentenceStarts[sentence + 1] - _sentenceStarts[sentence]);

    public ReadOnlySpan<byte> Title(int article) => _titles[article];

    public ReadOnlySpan<byte> Source(int article) => _sources[_sourceIndexes[article]];

    public int BodyLength(int article) => _bodyLengths[article];
}
