using System.IO.MemoryMappedFiles;

namespace Search.Core.Storage;

/// <summary>One index file mapped read-only into memory, as one pointer (see <see cref="MappedDirectory"/>).</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private int _released;

    private MappedFile(string path, MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        Path = path;
        _map = map;
        _view = view;
        Start = start;
        Length = length;
    }

    public string Path { get; }

    /// <summary>The first byte of the file; null for an empty file.</summary>
    public byte* Start { get; }

    public long Length { get; }

    /// <summary>True once unmapped: nothing may read through <see cref="Start"/> any more.</summary>
    public bool Released => Volatile.Read(ref _released) != 0;

    /// <exception cref="FileNotFoundException">There is no such file (Lucene relies on this type).</exception>
    public static MappedFile Open(string path)
    {
        // Shared for writing and deleting: the index writer merges and deletes files while searchers still read them.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            stream.Dispose();
            return new MappedFile(path, null, null, null, 0);
        }

        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            var length = stream.Length;
            map = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedFile(path, map, view, start + view.PointerOffset, length);
        }
        catch
        {
            view?.Dispose();
            map?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0 && _view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map!.Dispose();
        }
    }
}
