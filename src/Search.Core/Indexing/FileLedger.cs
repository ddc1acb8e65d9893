using System.Text.Json;

namespace Search.Core.Indexing;

/// <summary>
/// What the index was built from: for each input file its size, last write time and article count, stored in
/// the commit itself so it is exactly as durable as the articles. A file whose size and time match is not read again.
/// </summary>
public sealed class FileLedger
{
    internal const string CommitKey = "files";

    private readonly Dictionary<string, Entry> _entries;

    private FileLedger(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>The files recorded, by absolute path.</summary>
    public IReadOnlyDictionary<string, Entry> Entries => _entries;

    public static FileLedger Empty() => new(new Dictionary<string, Entry>(StringComparer.Ordinal));

    internal static FileLedger FromCommitData(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(CommitKey, out var json)
            ? new FileLedger(new Dictionary<string, Entry>(JsonSerializer.Deserialize<Dictionary<string, Entry>>(json) ?? [], StringComparer.Ordinal))
            : Empty();

    internal string ToJson() => JsonSerializer.Serialize(_entries);

    /// <summary>True when the file is recorded with the same size and last write time.</summary>
    public bool IsUnchanged(string path, long size, long lastWriteUtcTicks, out int articles)
    {
        articles = 0;
        if (_entries.TryGetValue(path, out var entry) && entry.Size == size && entry.LastWriteUtcTicks == lastWriteUtcTicks)
        {
            articles = entry.Articles;
            return true;
        }

        return false;
    }

    internal void Record(string path, long size, long lastWriteUtcTicks, int articles) => _entries[path] = new Entry(size, lastWriteUtcTicks, articles);

    internal void Forget(string path) => _entries.Remove(path);

    /// <summary>One recorded file.</summary>
    public sealed record Entry(long Size, long LastWriteUtcTicks, int Articles);
}
