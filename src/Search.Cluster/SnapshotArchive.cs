using System.Formats.Tar;

namespace Search.Cluster;

/// <summary>
/// A snapshot's bytes: a tar stream of the commit's files, flat, in the order <see cref="PinnedCommit.Files"/> gives
/// them (the commit point last). Tar because it streams both ways with no index at the end, so a 200 MB index goes to
/// the object store and back without being held in memory or copied to a temporary file.
/// </summary>
internal static class SnapshotArchive
{
    /// <summary>Writes the files as a tar stream into <paramref name="output"/>.</summary>
    public static async Task WriteAsync(IReadOnlyList<(string Name, FileStream File)> files, Stream output, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (name, file) in files)
        {
            file.Position = 0;
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = file };
            await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the files of a tar stream into <paramref name="folder"/>, each flushed to disk, and returns their paths.
    /// Only plain files with plain names are accepted: an entry with a path, a link or a device is refused, so a damaged
    /// or foreign archive cannot write outside the folder.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a snapshot archive.</exception>
    public static async Task<IReadOnlyList<string>> ExtractAsync(Stream input, string folder, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        await using var tar = new TarReader(input, leaveOpen: true);
        while (await NextAsync(tar, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsPlainName(entry.Name))
            {
                throw new InvalidDataException($"The snapshot holds '{entry.Name}' ({entry.EntryType}), which is not a file of an index.");
            }

            var path = Path.Combine(folder, entry.Name);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                written.Add(path);
                if (entry.DataStream is { } data)
                {
                    try
                    {
                        await data.CopyToAsync(file, 1 << 16, cancellationToken).ConfigureAwait(false);
                    }
                    catch (EndOfStreamException e)
                    {
                        throw new InvalidDataException($"the archive ends inside {entry.Name}", e);
                    }
                }

                file.Flush(flushToDisk: true);
            }
        }

        return written;
    }

    private static async Task<TarEntry?> NextAsync(TarReader tar, CancellationToken cancellationToken)
    {
        try
        {
            return await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"it is not a tar archive of index files ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !name.StartsWith('.') && name.IndexOfAny(['/', '\\', '\0']) < 0;
}
