namespace Search.Core.Corpus;

/// <summary>Reads articles from files and folders (walked recursively): seed <c>.txt</c>, <c>.jsonl</c>, <c>.jsonl.gz</c>.</summary>
public static class CorpusReader
{
    /// <summary>The file name endings the reader understands.</summary>
    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".jsonl", ".jsonl.gz"];

    /// <summary>Every article and every skipped input under <paramref name="paths"/>, in a stable order.</summary>
    public static IEnumerable<CorpusRecord> Read(IEnumerable<string> paths)
    {
        var missing = new List<CorpusRecord>();
        foreach (var file in FindFiles(paths, missing))
        {
            foreach (var record in Read(file))
            {
                yield return record;
            }
        }

        foreach (var record in missing)
        {
            yield return record;
        }
    }

    /// <summary>The files under <paramref name="paths"/> in a stable order; paths that do not exist go to <paramref name="missing"/>.</summary>
    public static IReadOnlyList<InputFile> FindFiles(IEnumerable<string> paths, ICollection<CorpusRecord> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(missing);
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IEnumerable<string> found;
            if (Directory.Exists(path))
            {
                found = FilesUnder(path).Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                found = [path];
            }
            else
            {
                missing.Add(CorpusRecord.Skipped(path, "no such file or folder"));
                continue;
            }

            foreach (var file in found)
            {
                InputFile input;
                try
                {
                    input = new InputFile(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    missing.Add(CorpusRecord.Skipped(Path.GetFullPath(file), $"cannot be read: {e.Message}"));
                    continue;
                }

                if (seen.Add(input.Path))
                {
                    files.Add(input);
                }
            }
        }

        return files;
    }

    // Follows symbolic links to folders, but walks each real folder once: a link back up (sub/up -> ..) would
    // otherwise be walked until the path grows too long, reading every file again at each level.
    private static List<string> FilesUnder(string root)
    {
        var files = new List<string>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string RealPath)>();
        var top = new DirectoryInfo(Path.GetFullPath(root));
        pending.Push((top.FullName, top.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? top.FullName));
        // Hidden files and folders such as .gitkeep, .git or editor swap files are not articles.
        var options = new EnumerationOptions { IgnoreInaccessible = true };
        while (pending.TryPop(out var folder))
        {
            if (!walked.Add(folder.RealPath))
            {
                continue;
            }

            foreach (var entry in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo child)
                {
                    string realPath;
                    try
                    {
                        realPath = child.LinkTarget is null ? Path.Combine(folder.RealPath, child.Name) : child.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? child.FullName;
                    }
                    catch (IOException)
                    {
                        continue; // a link that leads nowhere: nothing to read
                    }

                    pending.Push((child.FullName, realPath));
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }

        return files;
    }

    private static bool IsSupported(string path) => SupportedExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The articles of one file, or why it was skipped.</summary>
    public static IEnumerable<CorpusRecord> Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsSupported(file.Path))
        {
            return [CorpusRecord.Skipped(file.Path, $"unknown file type; expected one of {string.Join(", ", SupportedExtensions)}")];
        }

        // Not opened: a named pipe or a device also has size 0, and opening one would wait for a writer or never end.
        if (file.Size == 0)
        {
            return [CorpusRecord.Skipped(file.Path, "empty file")];
        }

        // A dangling symbolic link, a link loop or a file without read permission is one skip, not the end of the run.
        try
        {
            using var probe = File.OpenHandle(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [CorpusRecord.Skipped(file.Path, $"cannot be read: {e.Message}")];
        }

        if (file.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return [SeedFileReader.Read(file)];
        }

        if (file.Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            return JsonLinesReader.Read(file);
        }

        return [CorpusRecord.Skipped(file.Path, $"unknown file type; expected one of {string.Join(", ", SupportedExtensions)}")];
    }
}
