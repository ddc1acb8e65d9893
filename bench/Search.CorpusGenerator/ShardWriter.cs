using System.Buffers;
using System.IO.Compression;

namespace Search.CorpusGenerator;

/// <summary>Streams one shard's articles to disk, gzip'ed (fastest level) when its name ends in <c>.jsonl.gz</c>.</summary>
internal static class ShardWriter
{
    private const int ReportEvery = 1_000;

    /// <summary>Writes the shard and returns its uncompressed size in bytes; reports progress in steps of <see cref="ReportEvery"/> articles.</summary>
    public static long Write(OutputShard shard, ArticleComposer composer, Action<int> reportArticles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(shard.Path))!);
        using var file = new FileStream(shard.Path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        using var output = shard.IsGzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;

        var line = new ArrayBufferWriter<byte>(64 * 1024);
        long bytes = 0;
        for (var number = shard.FirstArticle; number <= shard.LastArticle; number++)
        {
            line.ResetWrittenCount();
            composer.Write(number, line);
            output.Write(line.WrittenSpan);
            bytes += line.WrittenCount;
            if ((number - shard.FirstArticle + 1) % ReportEvery == 0)
            {
                reportArticles(ReportEvery);
            }
        }

        reportArticles((shard.LastArticle - shard.FirstArticle + 1) % ReportEvery);
        return bytes;
    }
}
