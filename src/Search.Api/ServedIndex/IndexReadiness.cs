namespace Search.Api.ServedIndex;

/// <summary>Whether the service is ready for readers: its index is open and warmed up (<see cref="IndexWarmUp"/>).</summary>
internal sealed class IndexReadiness
{
    private volatile bool _warmedUp;

    /// <summary>True once the warm-up at start has finished.</summary>
    public bool IsWarmedUp => _warmedUp;

    /// <summary>Marks the warm-up as finished.</summary>
    public void MarkWarmedUp() => _warmedUp = true;
}
