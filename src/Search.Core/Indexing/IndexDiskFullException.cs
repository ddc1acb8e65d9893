namespace Search.Core.Indexing;

/// <summary>
/// The disk that holds the index ran out of space while the index was written. The writer was rolled back, so the
/// index is exactly as of its last commit; the message names the folder and what to do.
/// </summary>
public sealed class IndexDiskFullException(string indexPath, Exception innerException)
    : IOException(Describe(indexPath), innerException)
{
    // ENOSPC on Linux and macOS; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private const int NoSpaceErrno = 28;
    private const int DiskFullHResult = unchecked((int)0x80070070);
    private const int HandleDiskFullHResult = unchecked((int)0x80070027);

    /// <summary>The absolute path of the index folder.</summary>
    public string IndexPath { get; } = indexPath;

    /// <summary>True when <paramref name="exception"/>, or an exception inside it, says the disk is full.</summary>
    public static bool IsDiskFull(Exception? exception) => exception switch
    {
        null => false,
        IndexDiskFullException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsDiskFull),
        IOException io when io.HResult is NoSpaceErrno or DiskFullHResult or HandleDiskFullHResult ||
                            io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => true,
        _ => IsDiskFull(exception.InnerException),
    };

    private static string Describe(string indexPath)
    {
        string size;
        try
        {
            size = $"a disk of {new DriveInfo(indexPath).TotalSize / 1048576.0:N1} MiB";
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            size = "disk size unknown";
        }

        return $"No space left on the disk that holds the index at {indexPath} ({size}). The index was left as of its last " +
               "commit: nothing written after that commit was kept. Free space on that disk (or move the index to a larger one), then try again.";
    }
}
