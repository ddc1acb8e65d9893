using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>Reads the tokens an analyzer makes of a text, with their positions, offsets and types.</summary>
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
