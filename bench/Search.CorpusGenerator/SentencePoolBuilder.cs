using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Search.CorpusGenerator;

/// <summary>Collects source articles into a <see cref="SentencePool"/>, keeping only complete sentences of a sensible length.</summary>
internal sealed class SentencePoolBuilder
{
    // Shorter pieces are mostly bylines and fragments ("Ein Gastbeitrag."); longer ones are lists the splitter could not cut.
    private const int MinSentenceLength = 25;
    private const int MaxSentenceLength = 1_500;

    private readonly ArrayBufferWriter<byte> _text = new(1 << 20);
    private readonly List<int> _sentenceStarts = [];
    private readonly List<int> _articleStarts = [];
    private readonly List<byte[]> _titles = [];
    private readonly List<int> _sourceIndexes = [];
    private readonly List<string> _sourceNames = [];
    private readonly List<int> _bodyLengths = [];

    public int SkippedSentences { get; private set; }

    /// <summary>Adds an article's sentences; returns false (and adds nothing) when none is usable.</summary>
    public bool Add(string title, string body, string source)
    {
        var firstSentence = _sentenceStarts.Count;
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var sentence in SentenceSplitter.Split(paragraph))
            {
                if (sentence.Length is < MinSentenceLength or > MaxSentenceLength || !SentenceSplitter.IsTerminated(sentence))
                {
                    SkippedSentences++;
                    continue;
                }

                _sentenceStarts.Add(_text.WrittenCount);
                _text.Write(Escape(sentence));
            }
        }

        if (_sentenceStarts.Count == firstSentence)
        {
            return false;
        }

        _articleStarts.Add(firstSentence);
        _titles.Add(Escape(title).ToArray());
        _sourceIndexes.Add(SourceIndex(source));
        _bodyLengths.Add(Encoding.UTF8.GetByteCount(body));
        return true;
    }

    public SentencePool Build() => new(
        _text.WrittenSpan.ToArray(),
        [.. _sentenceStarts, _text.WrittenCount],
        [.. _articleStarts, _sentenceStarts.Count],
        [.. _titles],
        [.. _sourceIndexes],
        [.. _sourceNames.Select(name => Escape(name).ToArray())],
        [.. _bodyLengths]);

    private static ReadOnlySpan<byte> Escape(string value) =>
        JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;

    private int SourceIndex(string source)
    {
        // A linear scan over a handful of names keeps the numbering in order of first appearance.
        var index = _sourceNames.IndexOf(source);
        if (index < 0)
        {
            index = _sourceNames.Count;
            _sourceNames.Add(source);
        }

        return index;
    }
}
