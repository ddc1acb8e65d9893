namespace Search.Core.Corpus;

/// <summary>A corpus file as found on disk: its full path, size and last write time.</summary>
public sealed class InputFile
{
    private Stream? _stream;

    public InputFile(string path)
    {
        var info = new FileInfo(path);
        Path = info.FullName;
        Size = info.Length;
        LastWriteUtcTicks = info.LastWriteTimeUtc.Ticks;
    }

    /// <summary>The absolute path; articles remember it so they can be dropped when the file is gone.</summary>
    public string Path { get; }

    public long Size { get; }

    public long LastWriteUtcTicks { get; }

    /// <summary>How far reading has got, in bytes of the file on disk (compressed bytes for .gz).</summary>
    public long BytesRead => _stream is { CanSeek: true } stream ? stream.Position : 0;

    /// <summary>Opens the file for reading; <see cref="BytesRead"/> follows this stream.</summary>
    internal Stream Open() => _stream = File.OpenRead(Path);
}
