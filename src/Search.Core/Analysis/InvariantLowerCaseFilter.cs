using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Lowercases each token with the invariant culture, as Lucene's <c>LowerCaseFilter</c> does, in place: ASCII letters
/// directly, the Latin letters beyond ASCII (umlauts, accents: U+0080 to U+024F) from a table made once with
/// <see cref="char.ToLowerInvariant"/>, other characters through it, surrogate pairs as one code point.
/// Lucene.Net's filter looks up every character, ASCII included, through the culture's case mapping one code point at
/// a time, which took a tenth of the analysis time; <see cref="char.ToLowerInvariant"/> calls ICU for each character
/// beyond ASCII, which was a tenth of the indexer's CPU on German text.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    // The lowercase of every character below LatinEnd, as char.ToLowerInvariant gives it.
    private const char LatinEnd = '\u0250';
    private static readonly char[] Latin = [.. Enumerable.Range(0, LatinEnd).Select(c => char.ToLowerInvariant((char)c))];

    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(c | 0x20);
                }
            }
            else if (c < LatinEnd)
            {
                buffer[i] = Latin[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]))
            {
                var lower = Rune.ToLowerInvariant(new Rune(c, buffer[i + 1]));
                if (lower.Utf16SequenceLength == 2)
                {
                    lower.EncodeToUtf16(buffer.AsSpan(i, 2));
                }

                i++;
            }
            else
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }

        return true;
    }
}
