using System.Globalization;
using IOPath = System.IO.Path;

namespace Search.CorpusGenerator;

/// <summary>One output file and the article numbers (1-based, inclusive) it holds.</summary>
internal sealed record OutputShard(string Path, int FirstArticle, int LastArticle)
{
    public const string PlainExtension = ".jsonl";
    public const string GzipExtension = ".jsonl.gz";

    public bool IsGzip => Path.EndsWith(GzipExtension, StringComparison.OrdinalIgnoreCase);

    public static bool HasSupportedExtension(string path) =>
        path.EndsWith(PlainExtension, StringComparison.OrdinalIgnoreCase) || path.EndsWith(GzipExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Splits articles 1..<paramref name="count"/> into <paramref name="shards"/> consecutive ranges. One shard is the file
    /// <paramref name="output"/>; more go into a folder named after it: <c>gen.jsonl.gz</c> → <c>gen/gen-000.jsonl.gz</c>, ….
    /// Decompressed and concatenated in name order, the shards equal the single file.
    /// </summary>
    public static List<OutputShard> Plan(string output, int count, int shards)
    {
        if (shards == 1)
        {
            return [new OutputShard(output, 1, count)];
        }

        var extension = output.EndsWith(GzipExtension, StringComparison.OrdinalIgnoreCase) ? GzipExtension : PlainExtension;
        var stem = IOPath.GetFileName(output)[..^extension.Length];
        var folder = IOPath.Combine(IOPath.GetDirectoryName(output) ?? "", stem);
        var digits = Math.Max(3, (shards - 1).ToString(CultureInfo.InvariantCulture).Length);
        return [.. Enumerable.Range(0, shards).Select(shard => new OutputShard(
            IOPath.Combine(folder, $"{stem}-{shard.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}{extension}"),
            FirstArticle: (int)((long)count * shard / shards) + 1,
            LastArticle: (int)((long)count * (shard + 1) / shards)))];
    }
}
