using Lucene.Net.Analysis;
using Search.Core.Documents;

namespace Search.Core.Analysis;

/// <summary>
/// The analyzer an index folder writes with: <see cref="GermanNewsAnalyzer"/> with the compound dictionary in the folder
/// (<see cref="CompoundSplitter.FileName"/>), read again when it changes (a rebuilt index learns a new one). Thread-safe.
/// </summary>
internal sealed class WritingAnalyzer(string indexPath)
{
    private DictionaryAnalyzer? _loaded;

    /// <summary>The analyzer with the folder's dictionary as it is now.</summary>
    public Analyzer Current()
    {
        var file = new FileInfo(Path.Combine(indexPath, CompoundSplitter.FileName));
        var written = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        if (Volatile.Read(ref _loaded) is { } known && known.Written == written)
        {
            return known.Analyzer;
        }

        var loaded = new DictionaryAnalyzer(written, new GermanNewsAnalyzer(CompoundSplitter.Load(file.FullName)));
        Volatile.Write(ref _loaded, loaded);
        return loaded.Analyzer;
    }

    /// <summary>How the index analyses <paramref name="text"/> in an article's body: each term with the text it came
    /// from, its position, and what made it (<see cref="AnalyzedTokenKind"/>). Stopwords make no term.</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        var tokens = TokenReader.Read(Current(), ArticleFields.Body, text);
        return [.. tokens.Select((token, i) => new AnalyzedToken(token.Term, text[token.Start..token.End], token.Start, token.End, token.Position, token.Type switch
        {
            CompoundSplitFilter.PartType => AnalyzedTokenKind.CompoundPart,
            CompoundJoinFilter.JoinedType => AnalyzedTokenKind.Joined,
            GermanNewsAnalyzer.OtherFormType => AnalyzedTokenKind.OtherForm,
            DottedWordFilter.PartType => AnalyzedTokenKind.DottedPart,
            // The capitalisation mark (CompoundSplitFilter.CapitalizedType) replaces the type of a dotted word's
            // capitalised parts ("St.Wendel": St, Wendel); no other filter stacks a plain word on another.
            _ when token.Increment == 0 && i > 0 => AnalyzedTokenKind.DottedPart,
            _ => AnalyzedTokenKind.Word,
        }))];
    }

    private sealed record DictionaryAnalyzer(DateTime Written, Analyzer Analyzer);
}
