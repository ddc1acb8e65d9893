using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// A process killed while it wrote the index's very first commit leaves segments_1 cut short, with no earlier commit to
/// fall back on (for later commits Lucene falls back to the previous one by itself). Lucene still counts the folder as
/// an index, so every later writer (even with --rebuild) would fail reading it; nothing was ever committed there, so the
/// writer removes it and starts afresh. Any other unreadable commit is damage, and opening it fails as before.
/// </summary>
internal static class CutShortFirstCommit
{
    /// <summary>Deletes a cut-short first commit from <paramref name="directory"/>, if there is one.</summary>
    public static void RemoveFrom(LuceneDirectory directory)
    {
        if (IsIn(directory))
        {
            // Lucene's own file deleter would stumble over it too (even with OpenMode.CREATE); the left-over
            // segment files are unreferenced and the writer deletes them when it opens.
            directory.DeleteFile(IndexFileNames.SEGMENTS + "_1");
            if (directory.ListAll().Contains(IndexFileNames.SEGMENTS_GEN))
            {
                directory.DeleteFile(IndexFileNames.SEGMENTS_GEN);
            }
        }
    }

    private static bool IsIn(LuceneDirectory directory)
    {
        var commits = directory.ListAll().Where(file => file.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal)).ToList();
        if (commits is not ["segments_1"])
        {
            return false;
        }

        try
        {
            new SegmentInfos().Read(directory, commits[0]);
            return false;
        }
        catch (EndOfStreamException)
        {
            return true;
        }
    }
}
