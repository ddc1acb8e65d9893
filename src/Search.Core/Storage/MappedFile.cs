using System.IO.MemoryMappedFiles;

namespace Search.Core.Storage;

/// <summary>
/// One index file mapped read-only into memory, as one pointer (see <see cref="MappedDirectory"/>). Every read through
/// it checks <see cref="Released"/> first; <see cref="Dispose"/> sets it at once and unmaps only after
/// <see cref="UnmapDelay"/>, so a read that checked just before the release still reads mapped memory.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly Action<MappedFile>? _onRelease;
    private int _released;
    private int _unmapped;

    private MappedFile(string path, MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* start, long length, Action<MappedFile>? onRelease)
    {
        Path = path;
        _map = map;
        _view = view;
        Start = start;
        Length = length;
        _onRelease = onRelease;
    }

    /// <summary>How long a released file stays mapped. A read checks <see cref="Released"/> and then loads within
    /// nanoseconds; only a thread stopped between the two for longer than this could touch unmapped memory.</summary>
    internal static readonly TimeSpan UnmapDelay = TimeSpan.FromSeconds(1);

    public string Path { get; }

    /// <summary>The first byte of the file; null for an empty file.</summary>
    public byte* Start { get; }

    public long Length { get; }

    /// <summary>True once released: every read must throw from then on (the map goes <see cref="UnmapDelay"/> later).</summary>
    public bool Released => Volatile.Read(ref _released) != 0;

    /// <summary>True once the memory is unmapped (for tests).</summary>
    internal bool Unmapped => Volatile.Read(ref _unmapped) != 0;

    /// <param name="path">The file.</param>
    /// <param name="onRelease">Called once, when the file is released.</param>
    /// <exception cref="FileNotFoundException">There is no such file (Lucene relies on this type).</exception>
    public static MappedFile Open(string path, Action<MappedFile>? onRelease = null)
    {
        // Shared for writing and deleting: the index writer merges and deletes files while searchers still read them.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            stream.Dispose();
            return new MappedFile(path, null, null, null, 0, onRelease);
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
            return new MappedFile(path, map, view, start + view.PointerOffset, length, onRelease);
        }
        catch
        {
            view?.Dispose();
            map?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Releases the file: reads throw <see cref="ObjectDisposedException"/> from now on, and the memory is
    /// unmapped <see cref="UnmapDelay"/> later.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _onRelease?.Invoke(this);
        if (_view is null)
        {
            Unmap();
            return;
        }

        // A timer, not a wait: the release runs on whichever search thread let go of the index snapshot last.
        _ = Task.Delay(UnmapDelay).ContinueWith(
            static (_, file) => ((MappedFile)file!).Unmap(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Unmap()
    {
        if (Interlocked.Exchange(ref _unmapped, 1) == 0 && _view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map!.Dispose();
        }
    }
}
