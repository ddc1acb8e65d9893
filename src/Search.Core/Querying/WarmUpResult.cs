namespace Search.Core.Querying;

/// <summary>What <see cref="ArticleSearcher.WarmUp"/> did.</summary>
/// <param name="Searches">Searches run.</param>
/// <param name="Elapsed">Time spent, picking the searches included.</param>
public sealed record WarmUpResult(int Searches, TimeSpan Elapsed)
{
    /// <summary>True when the warm-up stopped before its budget because the JIT had settled (hardly compiled anything new).</summary>
    public bool Settled { get; init; }
}
