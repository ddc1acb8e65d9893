namespace Search.Cluster.Node;

/// <summary>What applying one message of the stream did to this node's index.</summary>
public enum ApplyOutcome
{
    /// <summary>The article's id was new.</summary>
    Added,

    /// <summary>The article replaced a different version.</summary>
    Updated,

    /// <summary>The article equals the version the index holds; nothing was written.</summary>
    Unchanged,

    /// <summary>A tombstone deleted the article.</summary>
    Deleted,

    /// <summary>A tombstone for an id the index did not hold.</summary>
    NotFound,

    /// <summary>The message was not an article message; it was logged and applied as nothing.</summary>
    Skipped,

    /// <summary>
    /// A later message on the same subject replaced this one in the stream (one message per subject) before the node
    /// read it: the node went straight to the later version. Happens when two writers write one id at once.
    /// </summary>
    Superseded,
}
