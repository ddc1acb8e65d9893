using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>
/// Keeps a word written with dots between letters ("St.Wendel", "zeit.de", "z.B") and adds each of its dotted parts
/// at the same position with the part's own offsets, so "Wendel" finds "St.Wendel". The standard tokenizer (Unicode
/// word breaks) keeps such words whole, and a reader rarely types them that way.
/// </summary>
public sealed class DottedWordFilter(TokenStream input) : WordPartsFilter(input, PartType, partOffsets: true)
{
    /// <summary>The token type of a part of a dotted word.</summary>
    public const string PartType = "<DOTTED_PART>";

    // The parts with a letter (not "3.5"); a word whose term does not span exactly its characters in the text (a
    // char filter changed its length) keeps no parts, since their offsets would be wrong.
    protected override IReadOnlyList<(int Start, int Length)> Parts(ReadOnlySpan<char> word)
    {
        if (!word.Contains('.') || TextLength != word.Length)
        {
            return [];
        }

        var parts = new List<(int, int)>();
        foreach (var range in word.Split('.'))
        {
            var part = word[range];
            if (!part.IsEmpty && part.ContainsAnyExceptInRange('0', '9'))
            {
                parts.Add((range.Start.Value, part.Length));
            }
        }

        return parts.Count > 1 ? parts : [];
    }
}
