using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Search.Core.Documents;

namespace Search.Cluster;

/// <summary>
/// The replicated log of articles: the JetStream stream <see cref="ClusterSettings.StreamName"/> on subjects
/// <c>articles.&lt;id&gt;</c>, one message kept per subject, so it holds the latest version of every article (or its
/// tombstone) and nothing else. It is the source of truth in cluster mode; every node's index is a view of it.
/// </summary>
public sealed class ArticleLog : IAsyncDisposable
{
    private readonly NatsConnection _connection;

    private ArticleLog(NatsConnection connection, NatsJSContext jetStream)
    {
        _connection = connection;
        JetStream = jetStream;
    }

    /// <summary>The JetStream context, for consumers and the object store.</summary>
    public NatsJSContext JetStream { get; }

    /// <summary>The connection, for the object store and health.</summary>
    public INatsConnection Connection => _connection;

    /// <summary>
    /// Connects to the NATS servers (comma-separated URLs) and creates the stream if it is missing, with
    /// <paramref name="replicas"/> replicas. An existing stream is left as it is.
    /// </summary>
    public static async Task<ArticleLog> OpenAsync(string urls, int replicas, string clientName, CancellationToken cancellationToken = default)
    {
        var connection = new NatsConnection(new NatsOpts { Url = urls, Name = clientName });
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
            var jetStream = new NatsJSContext(connection);
            var stream = new ArticleLog(connection, jetStream);
            await stream.EnsureAsync(replicas, cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureAsync(int replicas, CancellationToken cancellationToken)
    {
        try
        {
            await JetStream.GetStreamAsync(ClusterSettings.StreamName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            var config = new StreamConfig(ClusterSettings.StreamName, [ArticleSubjects.All])
            {
                MaxMsgsPerSubject = 1,
                NumReplicas = replicas,
                Storage = StreamConfigStorage.File,
                Discard = StreamConfigDiscard.Old,
                AllowDirect = true,
            };
            try
            {
                await JetStream.CreateStreamAsync(config, cancellationToken).ConfigureAwait(false);
            }
            catch (NatsJSApiException created) when (created.Error.ErrCode == 10058)
            {
                // Another node created it at the same moment (JSStreamNameExistErr): the stream is there.
            }
        }
    }

    /// <summary>Publishes the article and returns the stream sequence JetStream acknowledged it at.</summary>
    public Task<ulong> PublishAsync(NewsArticle article, CancellationToken cancellationToken = default) =>
        PublishAsync(ArticleMessage.Upsert(article), cancellationToken);

    /// <summary>Publishes a tombstone for the id and returns its stream sequence.</summary>
    public Task<ulong> PublishDeleteAsync(string id, CancellationToken cancellationToken = default) =>
        PublishAsync(ArticleMessage.Tombstone(id), cancellationToken);

    /// <summary>
    /// Publishes one message and waits for JetStream's acknowledgement: once it returns, the message is stored on a
    /// majority of the stream's replicas. Throws <see cref="NatsJSPublishNoResponseException"/> or
    /// <see cref="NatsNoRespondersException"/> when no acknowledgement comes, <see cref="NatsJSApiException"/> when
    /// JetStream refuses it.
    /// </summary>
    public Task<ulong> PublishAsync(ArticleMessage message, CancellationToken cancellationToken = default) =>
        PublishAsync(message, options: null, cancellationToken);

    /// <summary>As <see cref="PublishAsync(ArticleMessage, CancellationToken)"/>, with JetStream's publish options, e.g.
    /// retries while the stream has no responders (no leader: one is elected within seconds after a server dies).</summary>
    public async Task<ulong> PublishAsync(ArticleMessage message, NatsJSPubOpts? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ack = await JetStream.PublishAsync(ArticleSubjects.For(message.Id), message.Body(), opts: options, headers: message.Headers(), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        ack.EnsureSuccess();
        return ack.Seq;
    }

    /// <summary>The stream's last sequence: what a node has to have applied to be up to date.</summary>
    public async Task<ulong> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        var stream = await JetStream.GetStreamAsync(ClusterSettings.StreamName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return stream.Info.State.LastSeq;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
