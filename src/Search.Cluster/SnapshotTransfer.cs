using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using NATS.Client.ObjectStore;
using NATS.Client.ObjectStore.Models;

namespace Search.Cluster;

/// <summary>
/// Moves a snapshot's bytes between the index's files and the object store without holding them in memory: the tar
/// stream (<see cref="SnapshotArchive"/>) runs through a pipe of a few MB between the archive on one side and the object
/// store's upload or download on the other.
/// </summary>
internal static class SnapshotTransfer
{
    // Enough to keep the object store busy while the other side reads or writes files; never the whole index.
    private static readonly PipeOptions Buffering = new(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20, useSynchronizationContext: false);

    /// <summary>Puts the commit's files as one object: the tar stream is written by one task and read by the object
    /// store's upload through the pipe.</summary>
    public static async Task<ObjectMetadata> UploadAsync(INatsObjStore store, ObjectMetadata meta, PinnedCommit commit, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe(Buffering);
        var writing = Task.Run(
            async () =>
            {
                Exception? failure = null;
                try
                {
                    await using var output = pipe.Writer.AsStream(leaveOpen: true);
                    await SnapshotArchive.WriteAsync(commit.Files, output, stop.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    failure = e; // the upload reads it from the pipe and fails with it
                }

                await pipe.Writer.CompleteAsync(failure).ConfigureAwait(false);
            },
            CancellationToken.None);
        try
        {
            await using var input = pipe.Reader.AsStream(leaveOpen: true);
            return await store.PutAsync(meta, input, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await writing.ConfigureAwait(false);
        }
    }

    /// <summary>Gets the object into <paramref name="folder"/>: the object store's download writes into the pipe that the
    /// tar reader extracts from, file by file.</summary>
    /// <exception cref="InvalidDataException">The object is not a snapshot archive.</exception>
    public static async Task DownloadAsync(INatsObjStore store, string name, string folder, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe(Buffering);
        var extracting = Task.Run(
            async () =>
            {
                try
                {
                    await using var input = pipe.Reader.AsStream(leaveOpen: true);
                    await SnapshotArchive.ExtractAsync(input, folder, stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false); // no use downloading the rest
                    throw;
                }
                finally
                {
                    await pipe.Reader.CompleteAsync().ConfigureAwait(false);
                }
            },
            CancellationToken.None);
        Exception? downloadFailure = null;
        try
        {
            await using var output = pipe.Writer.AsStream(leaveOpen: true);
            await store.GetAsync(name, output, leaveOpen: true, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            downloadFailure = e; // after the extraction has ended, so no task is left reading the pipe
        }

        await pipe.Writer.CompleteAsync(downloadFailure).ConfigureAwait(false);
        Exception? extractFailure = null;
        try
        {
            await extracting.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            extractFailure = e;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // An archive that does not read as one stops the download (which then fails as cancelled): report the archive.
        var failure = extractFailure is not null && extractFailure != downloadFailure && downloadFailure is null or OperationCanceledException
            ? extractFailure
            : downloadFailure ?? extractFailure;
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
