using System.Reflection;
using Lucene.Net.Store;

namespace Search.Core.Storage;

/// <summary>
/// Lucene.Net's memory-mapped directory for searching, without its registry of clones. Every search clones index
/// inputs (one per term looked up and per postings list read; hundreds over a segmented million-article index), and
/// <see cref="ByteBufferIndexInput"/> adds each clone to a <c>ConditionalWeakTable</c>, so that closing a file can
/// detach the clones still around. Each entry is a dependent GC handle, and every garbage collection walks all of
/// them: on a million articles gen-0 collections took 3.3 ms instead of 0.6, and the searches' p99 tripled.
/// </summary>
/// <remarks>
/// The registry is a safety net for using a clone after its file was closed, which the searchers never do: a reader's
/// files close only after the last search holding the reader released it (<c>SearcherManager</c>). Lucene.Net 4.8.0-beta00017
/// has no switch for it, so the table is dropped from each opened file through reflection; clones and slices copy the
/// (then empty) field. When a Lucene.Net version no longer has the field, <see cref="Untracked"/> is false and files are
/// tracked as before (a test checks this for the pinned version).
/// </remarks>
public sealed class UntrackedMMapDirectory : FilterDirectory
{
    private static readonly FieldInfo? Clones = typeof(ByteBufferIndexInput).GetField("clones", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <param name="path">The index folder.</param>
    public UntrackedMMapDirectory(string path)
        : base(new MMapDirectory(new DirectoryInfo(path)))
    {
    }

    /// <summary>True when this Lucene.Net version lets files be opened without the clone registry.</summary>
    public static bool Untracked { get; } = Clones?.FieldType.Name.StartsWith("ConditionalWeakTable", StringComparison.Ordinal) == true;

    public override IndexInput OpenInput(string name, IOContext context) => Untrack(base.OpenInput(name, context));

    // Compound files (.cfs) are read as slices of one opened file, which share its (dropped) registry.
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer(OpenInput(name, context));

    private static IndexInput Untrack(IndexInput input)
    {
        if (Untracked && input is ByteBufferIndexInput mapped)
        {
            Clones!.SetValue(mapped, null);
        }

        return input;
    }

    private sealed class Slicer(IndexInput file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) => file is ByteBufferIndexInput mapped
            ? mapped.Slice(sliceDescription, offset, length)
            : throw new InvalidOperationException($"{file} is not memory-mapped; it cannot be sliced here.");

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => (IndexInput)file.Clone();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }
        }
    }
}
