using Search.Core.Corpus;

namespace Search.Cluster;

/// <summary>What one run of <see cref="CorpusPublisher"/> did.</summary>
/// <param name="Published">Articles JetStream acknowledged: stored on a majority of the stream's replicas.</param>
/// <param name="Skipped">Input that could not be used, with where (file, and line for JSON Lines) and why.</param>
/// <param name="LastSequence">The highest stream sequence acknowledged (0 when none was).</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="InputBytes">Size of the input files (on disk).</param>
public sealed record PublishSummary(int Published, IReadOnlyList<CorpusRecord> Skipped, ulong LastSequence, TimeSpan Elapsed, long InputBytes)
{
    /// <summary>Why publishing stopped before the end of the input (NATS unreachable, an acknowledgement that did not
    /// come, JetStream refusing a message), or null when every article was acknowledged.</summary>
    public Exception? Failure { get; init; }

    /// <summary>Articles read from the input, published or not.</summary>
    public int Read { get; init; }
}
