using System.IO.Compression;
using System.Text.Json;

namespace Search.CorpusGenerator;

/// <summary>Reads a JSON Lines corpus (<c>.jsonl</c> or <c>.jsonl.gz</c>, a file or a folder of them) into a <see cref="SentencePool"/>.</summary>
internal static class SourceCorpus
{
    public static readonly string[] SupportedExtensions = [".jsonl", ".jsonl.gz"];

    /// <summary>The corpus files under <paramref name="path"/>, in ordinal order so every run reads them the same way.</summary>
    public static List<string> FindFiles(string path)
    {
        var candidates = File.Exists(path) ? [path] : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories);
        var files = candidates.Where(IsSupported).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static SourceCorpusSummary Load(IEnumerable<string> files, SentencePoolBuilder builder)
    {
        int read = 0, unusable = 0;
        foreach (var file in files)
        {
            using var reader = OpenText(file);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                read++;
                var article = JsonSerializer.Deserialize<SourceArticle>(line);
                if (article is not { Title.Length: > 0, Body: not null, Source: not null }
                    || !builder.Add(article.Title, article.Body, article.Source))
                {
                    unusable++;
                }
            }
        }

        return new SourceCorpusSummary(read, unusable);
    }

    private static bool IsSupported(string file) =>
        SupportedExtensions.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static StreamReader OpenText(string file)
    {
        Stream stream = File.OpenRead(file);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream);
    }
}
