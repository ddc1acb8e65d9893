namespace Search.Core.Corpus;

/// <summary>Reads articles from files and folders (walked recursively): seed <c>.txt</c>, <c>.jsonl</c>, <c>.jsonl.gz</c>.</summary>
public static class CorpusReader
{
    /// <summary>The file name endings the reader understands.</summary>
    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".jsonl", ".jsonl.gz"];

    /// <summary>Every article and every skipped input under <paramref name="paths"/>, in a stable order.</summary>
    public static IEnumerable<CorpusRecord> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    if (Path.GetFileName(file).StartsWith('.'))
                    {
                        continue; // hidden files such as .gitkeep or editor swap files are not articles
                    }

                    foreach (var record in ReadFile(file))
                    {
                        yield return record;
                    }
                }
            }
            else if (File.Exists(path))
            {
                foreach (var record in ReadFile(path))
                {
                    yield return record;
                }
            }
            else
            {
                yield return CorpusRecord.Skipped(path, "no such file or folder");
            }
        }
    }

    private static IEnumerable<CorpusRecord> ReadFile(string path)
    {
        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return [SeedFileReader.Read(path)];
        }

        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            return JsonLinesReader.Read(path);
        }

        return [CorpusRecord.Skipped(path, $"unknown file type; expected one of {string.Join(", ", SupportedExtensions)}")];
    }
}
