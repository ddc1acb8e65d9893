using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>
/// Keeps every word and, after a compound written capitalised (a noun), adds its parts (<see cref="CompoundSplitter.Split"/>) at the same
/// position and with the compound's offsets, typed <see cref="PartType"/> so that <see cref="CompoundPartMarkFilter"/>
/// can tell them from whole words after stemming. A highlighter marking a part therefore marks the whole compound.
/// </summary>
public sealed class CompoundSplitFilter(TokenStream input, CompoundSplitter splitter) : WordPartsFilter(input, PartType, partOffsets: false)
{
    /// <summary>The token type of a compound part.</summary>
    public const string PartType = "<COMPOUND_PART>";

    protected override IReadOnlyList<(int Start, int Length)> Parts(ReadOnlySpan<char> word) =>
        TokenType == CapitalizedMarkFilter.CapitalizedType ? splitter.Split(word) : [];
}
