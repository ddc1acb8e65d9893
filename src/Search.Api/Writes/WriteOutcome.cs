namespace Search.Api.Writes;

/// <summary>What a write through the API did to one article, as the endpoints answer it.</summary>
internal enum WriteOutcome
{
    /// <summary>The id was new (201).</summary>
    Added,

    /// <summary>The id existed with different content and was replaced (200).</summary>
    Updated,

    /// <summary>The id existed with identical content; nothing was written (200).</summary>
    Unchanged,

    /// <summary>The article was deleted (204).</summary>
    Deleted,

    /// <summary>There was no article with the id to delete (404).</summary>
    NotFound,

    /// <summary>Cluster mode: a later write to the same id, from another writer, replaced this one in the log before
    /// this node applied it; the index holds the later version (200, or 204 for a delete).</summary>
    Superseded,

    /// <summary>Cluster mode: stored in the log (acknowledged, durable) but not yet applied on this node within
    /// <c>Search:Cluster:ApplyTimeoutSeconds</c>; searchable once the node has caught up (202).</summary>
    Accepted,
}
