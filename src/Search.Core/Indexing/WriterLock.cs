using Search.Core.Errors;

namespace Search.Core.Indexing;

/// <summary>
/// The lock that keeps a second writer out of an index folder, in this process or another. Lucene.Net's own write.lock
/// is not exclusive between processes on Linux (it opens the file with FileShare.Read, which .NET maps to a shared lock),
/// so the writer also holds this file with FileShare.None: an exclusive lock that the kernel releases when the process
/// dies, even by SIGKILL.
/// </summary>
internal static class WriterLock
{
    private const string FileName = "writer.lock";

    /// <summary>Takes the lock of the index folder; disposing the stream releases it.</summary>
    /// <exception cref="IndexUnavailableException">Another writer holds the index.</exception>
    public static FileStream Acquire(string fullPath)
    {
        try
        {
            return new FileStream(Path.Combine(fullPath, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw Locked(fullPath, e);
        }
    }

    /// <summary>The error for an index that another writer holds, with the way out.</summary>
    public static IndexUnavailableException Locked(string fullPath, Exception inner) =>
        new($"The index at {fullPath} is locked by another writer. Wait for the other indexer to finish, then run again.", inner);
}
