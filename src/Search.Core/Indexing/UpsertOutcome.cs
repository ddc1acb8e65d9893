namespace Search.Core.Indexing;

/// <summary>What writing one article did to the index.</summary>
public enum UpsertOutcome
{
    /// <summary>The id was new.</summary>
    Added,

    /// <summary>The id existed with different content and was replaced.</summary>
    Updated,

    /// <summary>The id existed with identical content; nothing was written.</summary>
    Unchanged,
}
