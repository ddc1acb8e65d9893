using System.Text;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.ObjectStore;
using NATS.Client.ObjectStore.Models;
using Search.Core.Documents;
using Search.Core.Errors;

namespace Search.Cluster;

/// <summary>
/// Index snapshots in the JetStream object store <see cref="BucketName"/>, so that a new node need not read the whole
/// stream: it restores the newest snapshot (<see cref="RestoreNewestAsync"/>) and reads the stream on from the sequence
/// the snapshot holds. A snapshot is one object, a tar stream of the files of one Lucene commit, with the stream
/// sequence, article count, analyzer version, time and node in its metadata; the bucket keeps the newest few.
/// </summary>
public sealed class IndexSnapshots
{
    /// <summary>The object store bucket of the snapshots.</summary>
    public const string BucketName = "INDEX_SNAPSHOTS";

    /// <summary>Snapshots kept by default: the newest, and one to fall back on while another node replaces it.</summary>
    public const int DefaultKeep = 2;

    // Each chunk is one JetStream message, acknowledged before the next is sent. 512 KiB chunks put the real corpus's
    // index (182 MiB) in 8.3 s instead of 12.2 s, but a download buffers up to a thousand chunks in the client (NATS.Net's
    // subscription channel): a restore with 512 KiB chunks needed more than 48 MB of heap, with 128 KiB less (measured).
    private const int ChunkSize = 128 * 1024;

    // Where a restore writes the files until the index in them is verified; left over by an interrupted restore.
    private const string RestoringFolder = ".restoring";

    private static readonly string MetaSubjects = $"$O.{BucketName}.M.";

    private readonly INatsJSContext _jetStream;
    private readonly int _replicas;
    private readonly int _keep;
    private INatsObjStore? _store;

    private IndexSnapshots(INatsJSContext jetStream, INatsObjStore? store, int replicas, int keep)
    {
        _jetStream = jetStream;
        _store = store;
        _replicas = replicas;
        _keep = keep;
    }

    /// <summary>
    /// Opens the bucket. A missing bucket is created with <paramref name="replicas"/> replicas by the first
    /// <see cref="PutAsync"/>, not before: a node that only restores (and finds nothing) leaves the cluster as it was.
    /// </summary>
    /// <param name="jetStream">The JetStream context of a connection (<see cref="ArticleLog.JetStream"/> on a node).</param>
    /// <param name="replicas">Replicas of a new bucket (1, 3 or 5); an existing bucket is left as it is.</param>
    /// <param name="keep">How many snapshots <see cref="PutAsync"/> leaves in the bucket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NatsException">NATS or JetStream did not answer.</exception>
    public static async Task<IndexSnapshots> OpenAsync(INatsJSContext jetStream, int replicas, int keep = DefaultKeep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jetStream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicas);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        var store = await FindStoreAsync(new NatsObjContext(jetStream), cancellationToken).ConfigureAwait(false);
        return new IndexSnapshots(jetStream, store, replicas, keep);
    }

    private static async Task<INatsObjStore?> FindStoreAsync(NatsObjContext objects, CancellationToken cancellationToken)
    {
        try
        {
            return await objects.GetObjectStoreAsync(BucketName, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return null;
        }
    }

    private async Task<INatsObjStore> EnsureStoreAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            return _store;
        }

        var objects = new NatsObjContext(_jetStream);
        var config = new NatsObjConfig(BucketName)
        {
            Description = "Index snapshots of the search nodes",
            NumberOfReplicas = _replicas,
            Storage = NatsObjStorageType.File,
        };
        try
        {
            _store = await objects.CreateObjectStoreAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException e) when (e.Error.ErrCode == 10058)
        {
            // Another node created it at the same moment (JSStreamNameExistErr): the bucket is there.
            _store = await FindStoreAsync(objects, cancellationToken).ConfigureAwait(false) ?? throw new NatsObjException($"JetStream said the bucket {BucketName} exists, then did not find it.", e);
        }

        return _store;
    }

    /// <summary>
    /// Puts a snapshot of the last commit of the index in <paramref name="indexPath"/>, then deletes all but the newest
    /// <c>keep</c> snapshots. The index may be written meanwhile (by the node itself): the snapshot is the commit that was
    /// last when it started, whose files Lucene never changes. The files are streamed, not held in memory.
    /// </summary>
    /// <param name="indexPath">The index folder.</param>
    /// <param name="node">The node (or host) the index belongs to, recorded with the snapshot.</param>
    /// <param name="cancellationToken">Cancels the upload (the snapshot is then not put).</param>
    /// <returns>The snapshot as stored.</returns>
    /// <exception cref="IndexUnavailableException">There is no index, it holds no article, or it never applied the stream.</exception>
    /// <exception cref="NatsException">NATS or JetStream failed.</exception>
    public async Task<IndexSnapshot> PutAsync(string indexPath, string node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var fullPath = Path.GetFullPath(indexPath);
        using var commit = PinnedCommit.Open(fullPath);
        if (commit.Articles == 0)
        {
            throw new IndexUnavailableException($"The index at {fullPath} holds no article; there is nothing to snapshot.");
        }

        // A node restored from an index that never read the stream would read it all again, but keep every article the
        // index has and the stream does not: it would no longer be a view of the log.
        if (commit.Sequence == 0)
        {
            throw new IndexUnavailableException(
                $"The index at {fullPath} holds no position in the stream (stream sequence 0): it was not written by a cluster node " +
                "(an index built by the indexer holds articles the stream may not have). Snapshot the index of a node in cluster mode.");
        }

        var created = DateTimeOffset.UtcNow;
        var nodeName = new ClusterSettings { Node = node }.NodeName();
        var snapshot = new IndexSnapshot(IndexSnapshot.NameFor(commit.Sequence, nodeName, created), commit.Sequence, commit.Articles,
            commit.AnalyzerVersion ?? "", created, node, 0);
        var meta = new ObjectMetadata
        {
            Name = snapshot.Name,
            Description = $"{commit.Articles} articles up to stream sequence {commit.Sequence}, from {node}",
            Metadata = snapshot.ToMetadata(),
            Options = new MetaDataOptions { MaxChunkSize = ChunkSize },
        };
        var store = await EnsureStoreAsync(cancellationToken).ConfigureAwait(false);
        var stored = await SnapshotTransfer.UploadAsync(store, meta, commit, cancellationToken).ConfigureAwait(false);
        await PruneAsync(cancellationToken).ConfigureAwait(false);
        return snapshot with { Size = stored.Size };
    }

    /// <summary>The snapshots in the bucket, the one to restore first (<see cref="IndexSnapshot.NewestFirst"/>) first.</summary>
    /// <exception cref="NatsException">NATS or JetStream failed.</exception>
    public async Task<IReadOnlyList<IndexSnapshot>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListWithSubjectsAsync(cancellationToken).ConfigureAwait(false)).Select(found => found.Snapshot)];

    /// <summary>
    /// Restores the newest usable snapshot into <paramref name="indexPath"/>, which must be missing or empty: a node calls
    /// it at start-up before it opens its index, when it has none, and then reads the stream from the returned snapshot's
    /// <see cref="IndexSnapshot.Sequence"/> + 1. The files are written into a folder inside the index folder, the index
    /// in them is opened and checked (checksums, analyzer version, sequence and article count as recorded), and only then
    /// moved into place, commit point last, so an interrupted restore never leaves a half index. A snapshot of another
    /// analyzer version, or one that fails the check, is passed over with a message for an older one.
    /// </summary>
    /// <param name="indexPath">The index folder: missing, or empty.</param>
    /// <param name="report">Told, in a sentence, about each snapshot passed over and why.</param>
    /// <param name="cancellationToken">Cancels the restore; nothing is left in the folder.</param>
    /// <returns>The snapshot restored, or null when the bucket holds none usable (the folder is left as it was).</returns>
    /// <exception cref="IndexUnavailableException">The folder is not empty.</exception>
    /// <exception cref="NatsException">NATS or JetStream failed.</exception>
    public async Task<IndexSnapshot?> RestoreNewestAsync(string indexPath, Action<string>? report = null, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(indexPath);
        var staging = Path.Combine(folder, RestoringFolder);
        var folderExisted = Directory.Exists(folder);
        if (folderExisted)
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new IndexUnavailableException(
                    $"The folder {folder} is not empty: a snapshot is restored only into a missing or empty index folder, never over an index or other files.");
            }
        }

        try
        {
            foreach (var snapshot in await ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (snapshot.AnalyzerVersion != ArticleFields.AnalyzerVersion)
                {
                    report?.Invoke($"snapshot {snapshot.Name} was built with analyzer '{snapshot.AnalyzerVersion}', not '{ArticleFields.AnalyzerVersion}': passed over");
                    continue;
                }

                Directory.CreateDirectory(staging);
                try
                {
                    await SnapshotTransfer.DownloadAsync(_store!, snapshot.Name, staging, cancellationToken).ConfigureAwait(false);
                    RestoredIndex.Verify(staging, snapshot);
                    RestoredIndex.MoveInto(staging, folder);
                    return snapshot;
                }
                catch (Exception e) when (e is InvalidDataException or NatsObjException)
                {
                    report?.Invoke($"snapshot {snapshot.Name} is unusable ({e.Message}): passed over");
                }
                finally
                {
                    if (Directory.Exists(staging))
                    {
                        Directory.Delete(staging, recursive: true);
                    }
                }
            }
        }
        finally
        {
            if (!folderExisted && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        return null;
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        foreach (var (snapshot, subject) in (await ListWithSubjectsAsync(cancellationToken).ConfigureAwait(false)).Skip(_keep))
        {
            try
            {
                await _store!.DeleteAsync(snapshot.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (NatsObjNotFoundException)
            {
                // Another node pruned it first.
            }

            // A deleted object leaves a marker under its name; without it the bucket's listing stays as short as it is.
            await _jetStream.PurgeStreamAsync($"OBJ_{BucketName}", new StreamPurgeRequest { Filter = subject }, cancellationToken).ConfigureAwait(false);
        }
    }

    // The object store's own listing waits for messages that an empty bucket never sends, so the snapshots are found
    // by the subjects of their metadata messages, which the stream lists.
    private async Task<List<(IndexSnapshot Snapshot, string Subject)>> ListWithSubjectsAsync(CancellationToken cancellationToken)
    {
        var found = new List<(IndexSnapshot, string)>();
        _store ??= await FindStoreAsync(new NatsObjContext(_jetStream), cancellationToken).ConfigureAwait(false);
        if (_store is null)
        {
            return found; // no node has put a snapshot yet
        }

        var stream = await _jetStream.GetStreamAsync($"OBJ_{BucketName}", new StreamInfoRequest { SubjectsFilter = MetaSubjects + ">" }, cancellationToken).ConfigureAwait(false);
        foreach (var subject in stream.Info.State.Subjects?.Keys ?? [])
        {
            ObjectMetadata info;
            try
            {
                info = await _store.GetInfoAsync(DecodeName(subject[MetaSubjects.Length..]), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (NatsObjNotFoundException)
            {
                continue; // deleted
            }

            if (IndexSnapshot.From(info) is { } snapshot)
            {
                found.Add((snapshot, subject));
            }
        }

        found.Sort((a, b) => IndexSnapshot.NewestFirst.Compare(a.Item1, b.Item1));
        return found;
    }

    // The object store names a metadata subject by the object's name in unpadded or padded base64url.
    private static string DecodeName(string token)
    {
        var base64 = token.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }
}
