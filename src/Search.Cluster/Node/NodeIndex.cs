using Search.Core.Indexing;

namespace Search.Cluster.Node;

/// <summary>
/// This node's index as a view of the stream: applies batches of messages with the indexer's own upserts and deletes
/// (the analysis on every core, the writes in stream order), and commits each batch together with the stream sequence
/// of its last message (<see cref="ArticleIndexWriter.StreamSequence"/>), so the index always holds exactly the stream
/// up to <see cref="Applied"/>, whenever the process dies.
/// </summary>
/// <remarks>
/// The writer stays open between batches: in cluster mode the node is the only writer of its index (the command-line
/// indexer writes to the stream instead), and opening a writer per batch would cost a reader over the whole index for
/// every write, which a node catching up on a million articles would pay thousands of times. The writer remembers
/// every id it wrote in its session (to tell added from updated before a reader sees them), so after
/// <see cref="ReopenAfterWrites"/> messages it is closed and opened again, which bounds that memory.
/// </remarks>
public sealed class NodeIndex : IDisposable
{
    /// <summary>Messages applied through one writer before it is reopened (its session's memory is about 200 bytes per id).</summary>
    public const int ReopenAfterWrites = 100_000;

    private readonly string _indexPath;
    private ArticleIndexWriter? _writer;
    private int _writesSinceOpen;

    private NodeIndex(string indexPath, ArticleIndexWriter writer)
    {
        _indexPath = indexPath;
        _writer = writer;
        Applied = writer.StreamSequence;
    }

    /// <summary>The last stream sequence the index holds, as of its last commit.</summary>
    public ulong Applied { get; private set; }

    /// <summary>Opens the index (creating an empty one when there is none) and reads the sequence it holds.</summary>
    /// <exception cref="Search.Core.Errors.IndexUnavailableException">Another writer holds the index, or it was built by another analyzer.</exception>
    public static NodeIndex Open(string indexPath) => new(indexPath, ArticleIndexWriter.Open(indexPath));

    /// <summary>
    /// Applies the messages in order and commits them with the last one's sequence; returns what each did. Messages at
    /// or below <see cref="Applied"/> (a redelivery) are left out by the caller. A message that is not an article
    /// message is reported to <paramref name="malformed"/> and applied as nothing: the sequence still moves past it, so
    /// one bad message never stops a node. When writing or committing fails, the batch is rolled back (the index stays
    /// as of its last commit) and the exception is rethrown; the next batch opens the writer again.
    /// </summary>
    public IReadOnlyList<ApplyOutcome> Apply(IReadOnlyList<StreamEntry> entries, Action<StreamEntry, FormatException> malformed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(malformed);
        if (entries.Count == 0)
        {
            return [];
        }

        var writer = _writer ??= ArticleIndexWriter.Open(_indexPath);
        var outcomes = new ApplyOutcome[entries.Count];
        try
        {
            var messages = entries.Select(entry => Read(entry, malformed)).ToArray();
            // The analysis, most of an upsert's time, on every core; the writes in stream order (an id written twice in
            // one batch: the later one wins), as the indexer's WriterPool does.
            var prepared = new PreparedArticle?[messages.Length];
            Parallel.For(0, messages.Length, i =>
            {
                if (messages[i]?.Article is { } article)
                {
                    prepared[i] = writer.Prepare(article, sourceFile: null);
                }
            });
            for (var i = 0; i < messages.Length; i++)
            {
                outcomes[i] = messages[i] switch
                {
                    null => ApplyOutcome.Skipped,
                    { Article: null } tombstone => writer.Delete(tombstone.Id) ? ApplyOutcome.Deleted : ApplyOutcome.NotFound,
                    _ => writer.Write(prepared[i]!) switch
                    {
                        UpsertOutcome.Added => ApplyOutcome.Added,
                        UpsertOutcome.Updated => ApplyOutcome.Updated,
                        _ => ApplyOutcome.Unchanged,
                    },
                };
            }

            writer.StreamSequence = entries[^1].Sequence;
            writer.Commit();
        }
        catch
        {
            writer.RollbackAfterFailure();
            writer.Dispose();
            _writer = null;
            throw;
        }

        Applied = entries[^1].Sequence;
        _writesSinceOpen += entries.Count;
        if (_writesSinceOpen >= ReopenAfterWrites)
        {
            writer.Dispose();
            _writer = null;
            _writesSinceOpen = 0;
        }

        return outcomes;
    }

    private static ArticleMessage? Read(StreamEntry entry, Action<StreamEntry, FormatException> malformed)
    {
        try
        {
            return ArticleMessage.Read(entry.Subject, entry.Headers, entry.Body.Span);
        }
        catch (FormatException e)
        {
            malformed(entry, e);
            return null;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
