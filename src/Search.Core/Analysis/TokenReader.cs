using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>One token of an analysed text: its term, where its text is, its position (and how far it moved on from the
/// token before: 0 for a term stacked on the same word) and its type (which filter made it).</summary>
internal readonly record struct ReadToken(string Term, int Start, int End, int Position, int Increment, string Type);

internal static class TokenReader
{
    /// <summary>The tokens <paramref name="analyzer"/> makes of <paramref name="text"/> in <paramref name="field"/>.</summary>
    public static List<ReadToken> Read(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<ReadToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new ReadToken(term.ToString(), offset.StartOffset, offset.EndOffset, position, increment.PositionIncrement, type.Type));
        }

        stream.End();
        return tokens;
    }
}
