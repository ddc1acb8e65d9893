namespace Search.Core.Indexing;

/// <summary>How far an import has got.</summary>
/// <param name="Articles">Articles read so far, whatever they did to the index.</param>
/// <param name="BytesRead">Input bytes read so far (on disk, so compressed bytes for .gz).</param>
/// <param name="TotalBytes">All input bytes of this run.</param>
/// <param name="Elapsed">Time since the import started.</param>
/// <param name="Merging">Every article is written and committed; the new index is being merged into one segment.</param>
public sealed record ImportProgress(int Articles, long BytesRead, long TotalBytes, TimeSpan Elapsed, bool Merging = false);
