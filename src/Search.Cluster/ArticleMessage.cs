using System.Text.Json;
using System.Text.Json.Serialization;
using NATS.Client.Core;
using Search.Core.Documents;

namespace Search.Cluster;

/// <summary>
/// One message of the stream: the latest version of an article (its JSON) or, for a delete, a tombstone: an empty
/// body with the header <c>Search-Operation: delete</c>. The stream keeps one message per subject, so a tombstone
/// replaces the article and a new node that reads the stream never sees the deleted text.
/// </summary>
public sealed record ArticleMessage(string Id, NewsArticle? Article)
{
    /// <summary>The header that marks a tombstone.</summary>
    public const string OperationHeader = "Search-Operation";

    /// <summary>The value of <see cref="OperationHeader"/> on a tombstone.</summary>
    public const string Delete = "delete";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True for a tombstone.</summary>
    public bool IsDelete => Article is null;

    public static ArticleMessage Upsert(NewsArticle article) => new(article.Id, article);

    public static ArticleMessage Tombstone(string id) => new(id, null);

    /// <summary>The message body: the article's JSON, empty for a tombstone.</summary>
    public byte[] Body() => Article is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Article, Json);

    /// <summary>The headers: the tombstone mark, none otherwise.</summary>
    public NatsHeaders? Headers() => Article is null ? new NatsHeaders { [OperationHeader] = Delete } : null;

    /// <summary>Reads a message of the stream.</summary>
    /// <exception cref="FormatException">The subject or body is not an article message.</exception>
    public static ArticleMessage Read(string subject, NatsHeaders? headers, ReadOnlySpan<byte> body)
    {
        var id = ArticleSubjects.IdOf(subject);
        if (headers is not null && headers.TryGetValue(OperationHeader, out var operation) && operation == Delete)
        {
            return Tombstone(id);
        }

        NewsArticle? article;
        try
        {
            article = JsonSerializer.Deserialize<NewsArticle>(body, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The message on '{subject}' is not an article: {e.Message}", e);
        }

        if (article is null || article.Id != id)
        {
            throw new FormatException($"The message on '{subject}' holds article '{article?.Id}', not '{id}'.");
        }

        // What the indexer needs of every article; without it the node's writer would fail on the message every time.
        if (article.Title is null || article.Body is null || !ArticleDate.IsValid(article.Date))
        {
            throw new FormatException($"The message on '{subject}' lacks a title or body, or its date '{article.Date}' is not YYYY-MM-DD or YYYY-MM.");
        }

        return Upsert(article);
    }
}
