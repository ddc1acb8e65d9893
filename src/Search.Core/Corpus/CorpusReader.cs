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
                // Hidden files such as .gitkeep or editor swap files are not articles.
                found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(file => !Path.GetFileName(file).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
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
                var input = new InputFile(file);
                if (seen.Add(input.Path))
                {
                    files.Add(input);
                }
            }
        }

        return files;
    }

    /// <summary>The articles of one file, or why it was skipped.</summary>
    public static IEnumerable<CorpusRecord> Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
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
