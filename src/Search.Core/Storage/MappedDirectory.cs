using System.Collections.Concurrent;
using Lucene.Net.Store;

namespace Search.Core.Storage;

/// <summary>
/// Reads index files for searching through memory maps, with plain pointer reads. Lucene.Net's own
/// <see cref="MMapDirectory"/> reads each byte through J2N's <c>ByteBuffer</c> and .NET's <c>SafeBuffer</c>: several
/// calls and a reference count taken and released per byte. A search spends most of its reads in small varints (term
/// dictionary blocks, skip data, doc-value addresses), so on the real corpus those layers were a fifth of the CPU of a
/// top-10 search. Here a byte is one bounds check and one load.
/// </summary>
/// <remarks>
/// <para>Files, their clones and compound-file slices have no registry of clones either. Lucene.Net's registry
/// (a <c>ConditionalWeakTable</c>) made every garbage collection walk one handle per term lookup and postings list:
/// on a million articles gen-0 collections took 3.3 ms instead of 0.6.</para>
/// <para>Lifetime is Lucene's: a file is released when the input that opened it (or the compound file's slicer) is
/// disposed, or at the latest when this directory is; clones and slices must not be used after that, as Lucene
/// requires. The searchers never do: a reader's files close only after the last search holding the reader released it
/// (<c>SearcherManager</c>). Should a caller break the rule, every read, seek or clone of a released file throws
/// <see cref="ObjectDisposedException"/> rather than reading unmapped memory (see <see cref="MappedFile"/>).</para>
/// <para>Opening the directory registers <see cref="ArticleCodec"/>, whose name the index's segments carry.</para>
/// <para>Only reading is memory-mapped; listing, locking and writing go to a plain <see cref="NIOFSDirectory"/>.</para>
/// </remarks>
public sealed class MappedDirectory : FilterDirectory
{
    private readonly string _path;

    // The files opened here and not yet released: disposing the directory releases them.
    private readonly ConcurrentDictionary<MappedFile, byte> _open = new();
    private readonly Action<MappedFile> _forget;
    private volatile bool _disposed;

    /// <param name="path">The index folder.</param>
    public MappedDirectory(string path)
        : base(new NIOFSDirectory(new DirectoryInfo(path)))
    {
        ArticleCodec.Register();
        _path = Path.GetFullPath(path);
        _forget = file => _open.TryRemove(file, out _);
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var mapping = Map(name);
        return new MappedInput($"MappedInput(path=\"{mapping.Path}\")", mapping, 0, mapping.Length, owner: true);
    }

    // Compound files (.cfs) are read as slices of one mapped file; the slicer owns the mapping.
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer(Map(name));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            foreach (var file in _open.Keys)
            {
                file.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private MappedFile Map(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureOpen();
        var file = MappedFile.Open(Path.Combine(_path, name), _forget);
        _open.TryAdd(file, 0);
        if (_disposed)
        {
            // Disposed while this file opened: it must not outlive the directory either.
            file.Dispose();
            throw new ObjectDisposedException(ToString());
        }

        return file;
    }

    private sealed class Slicer(MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset > file.Length - length)
            {
                throw new ArgumentException($"Slice {sliceDescription} [{offset}, +{length}) is outside {file.Path} ({file.Length} bytes).");
            }

            return new MappedInput($"MappedInput(path=\"{file.Path}\" slice={sliceDescription})", file, offset, length, owner: false);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }
        }
    }
}
