using System.Text;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Storage;
using Search.Tests.Shared;

namespace Search.Core.Tests.Storage;

// Checks the stored fields of the article codec (LZ4 blocks inside Lucene's compressing format): an article far bigger
// than two 16 KB chunks (Lucene's sliced "big chunk" path) and many small ones around it come back exactly; an index
// written by the stock Lucene46Codec (as older indexes were) stays readable, also after new articles were added with
// the new codec and everything was merged into one segment; damaged stored fields are refused with an error.
public class ArticleCodecTests
{
    private const string AnalyzerKey = "analyzer";

    private static readonly int[] EdgeSizes = [16_383, 16_384, 16_385, 32_767, 32_768, 32_769, 49_152];

    private readonly string _index = TestCorpus.CreateTempFolder("codec-index");

    [Fact]
    public void BigArticleAndManySmallOnesComeBackExactly()
    {
        var articles = Small("before", 400)
            .Append(Article("big", 300_000, seed: 1))
            .Concat(ChunkEdges())
            .Concat(Small("after", 400))
            .ToList();
        using (var writer = ArticleIndexWriter.Open(_index))
        {
            articles.ForEach(article => writer.Upsert(article));
            writer.Commit();
        }

        Assert.Equal(["GermanNews48"], SegmentCodecs());
        using var searcher = ArticleSearcher.Open(_index, verifyChecksums: true);
        Assert.Equal(articles.Count, searcher.Count);
        Assert.All(articles, article => Assert.Equal(article, searcher.GetArticle(article.Id)));
        Assert.True(Encoding.UTF8.GetByteCount(searcher.GetArticle("big")!.Body) > 2 * 16_384 * 10);
        Assert.True(IndexChecker.Check(_index).Healthy);
    }

    [Fact]
    public void IndexOfTheStockCodecStaysReadableAlsoAfterNewArticlesAndAMerge()
    {
        var old = Small("old", 300).Append(Article("old-big", 100_000, seed: 2)).ToList();
        WriteWithStockCodec(old);
        Assert.Equal(["Lucene46"], SegmentCodecs());
        using (var searcher = ArticleSearcher.Open(_index, verifyChecksums: true))
        {
            Assert.All(old, article => Assert.Equal(article, searcher.GetArticle(article.Id)));
        }

        var added = new List<NewsArticle>();
        using (var writer = ArticleIndexWriter.Open(_index))
        {
            foreach (var batch in new[] { Small("new-a", 200).Append(Article("new-big", 120_000, seed: 3)), Small("new-b", 200) })
            {
                foreach (var article in batch)
                {
                    writer.Upsert(article);
                    added.Add(article);
                }

                writer.Commit();
            }

            writer.Delete("old-0007");
            writer.Delete("new-a-0011");
            writer.Commit();
        }

        var expected = old.Concat(added).Where(article => article.Id is not ("old-0007" or "new-a-0011")).ToList();
        Assert.Equal(["GermanNews48", "GermanNews48", "Lucene46"], SegmentCodecs());
        using (var searcher = ArticleSearcher.Open(_index, verifyChecksums: true))
        {
            Assert.Equal(expected.Count, searcher.Count);
            Assert.All(expected, article => Assert.Equal(article, searcher.GetArticle(article.Id)));
        }

        ForceMergeWithArticleCodec();

        Assert.Equal(["GermanNews48"], SegmentCodecs());
        using (var searcher = ArticleSearcher.Open(_index, verifyChecksums: true))
        {
            Assert.Equal(expected.Count, searcher.Count);
            Assert.All(expected, article => Assert.Equal(article, searcher.GetArticle(article.Id)));
            Assert.Null(searcher.GetArticle("old-0007"));
            Assert.Equal(expected.Count, searcher.Search(new SearchRequest("Artikel", [], 1, 10)).Total);
        }

        Assert.True(IndexChecker.Check(_index).Healthy);
    }

    [Fact]
    public void DamagedStoredFieldsAreRefusedWhenTheIndexIsVerified()
    {
        WriteWithArticleCodec(Small("a", 50).Append(Article("big", 60_000, seed: 4)), compound: false);
        var storedFields = System.IO.Directory.EnumerateFiles(_index, "*.fdt").Single();
        var bytes = File.ReadAllBytes(storedFields);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(storedFields, bytes);

        var error = Assert.Throws<IndexUnavailableException>(() => ArticleSearcher.Open(_index, verifyChecksums: true));

        Assert.StartsWith($"The index at {_index} is damaged and will not be served (", error.Message, StringComparison.Ordinal);
        Assert.False(IndexChecker.Check(_index).Healthy);
    }

    [Fact]
    public void OverwrittenStoredFieldsGiveAnErrorWhenReadNotOtherText()
    {
        WriteWithArticleCodec(Small("a", 50), compound: false);
        var storedFields = System.IO.Directory.EnumerateFiles(_index, "*.fdt").Single();
        var bytes = File.ReadAllBytes(storedFields);
        // Everything between the file's header (and chunk size, packed ints version) and its checksum footer.
        var header = CodecUtil.HeaderLength("GermanNewsStoredFieldsData") + 4;
        Array.Fill(bytes, (byte)0, header, bytes.Length - CodecUtil.FooterLength() - header);
        File.WriteAllBytes(storedFields, bytes);

        using var searcher = ArticleSearcher.Open(_index);

        var error = Assert.ThrowsAny<IOException>(() => searcher.GetArticle("a-0003"));
        Assert.Contains("Corrupted", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 20_000)]
    [InlineData(5_000, 3_000)]
    [InlineData(16_000, 384)]
    public void LzBlockComesBackExactlyForAnyPartOfTheChunk(int offset, int length)
    {
        var chunk = Encoding.UTF8.GetBytes(Article("x", 20_000, seed: 5).Body)[..16_384];
        var block = Compressed(chunk);

        var part = new BytesRef();
        new Lz4BlockCompression().NewDecompressor().Decompress(new ByteArrayDataInput(block), chunk.Length, offset, Math.Min(length, chunk.Length - offset), part);

        Assert.Equal(chunk.AsSpan(offset, Math.Min(length, chunk.Length - offset)).ToArray(), part.Bytes.AsSpan(part.Offset, part.Length).ToArray());
    }

    [Fact]
    public void DamagedLzBlockIsACorruptIndexError()
    {
        var chunk = Encoding.UTF8.GetBytes(Article("x", 20_000, seed: 6).Body)[..16_384];
        var block = Compressed(chunk);
        var tooLong = (byte[])block.Clone();
        tooLong[0] = 0xFF;
        tooLong[1] = 0xFF;
        tooLong[2] = 0x7F; // a block length no 16 KB chunk can have
        var badTokens = (byte[])block.Clone();
        var input = new ByteArrayDataInput(block);
        input.ReadVInt32();
        Array.Fill(badTokens, (byte)0xFF, input.Position, 8); // the first token: a literal run longer than the block

        foreach (var damaged in new[] { tooLong, badTokens })
        {
            var decompressor = new Lz4BlockCompression().NewDecompressor();
            var error = Assert.Throws<CorruptIndexException>(() => decompressor.Decompress(new ByteArrayDataInput(damaged), chunk.Length, 0, chunk.Length, new BytesRef()));
            Assert.StartsWith("Corrupted: ", error.Message, StringComparison.Ordinal);
        }
    }

    // Articles whose stored size falls on and around the 16 KB chunk size and its double.
    private static IEnumerable<NewsArticle> ChunkEdges() =>
        EdgeSizes.Select(size => Article($"edge-{size}", size, seed: size, ascii: true));

    private static IEnumerable<NewsArticle> Small(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => Article($"{prefix}-{i:D4}", i * 7 % 900, seed: i) with
        {
            Caption = i % 3 == 0 ? null : $"Bild: Nummer {i} (Foto: Agentur)",
            Source = i % 4 == 0 ? null : "example.de",
            Url = i % 5 == 0 ? null : $"https://example.org/{prefix}/{i}",
        });

    // Made-up text: German words with umlauts and ß, punctuation, paragraph breaks and (unless ascii) characters
    // outside the BMP, so UTF-8 takes one to four bytes per character.
    private static NewsArticle Article(string id, int chars, int seed, bool ascii = false)
    {
        string[] words = ascii
            ? ["Nummer", "Bericht", "Strasse", "Stadt", "und", "der", "Regierung", "Hafen", "2021,", "Wetter."]
            : ["Nummer", "Bericht", "Straße", "Größe", "und", "über", "Bürgermeister", "Hafen", "€", "2021,", "„Zitat“", "😀", "Wetter.\n\n"];
        var random = new Random(seed);
        var body = new StringBuilder(chars + 20);
        while (body.Length < chars)
        {
            body.Append(words[random.Next(words.Length)]).Append(' ');
        }

        return new NewsArticle(id, $"Artikel {id}", $"2021-{1 + (seed % 12):D2}-{1 + (seed % 28):D2}", body.ToString(0, chars).TrimEnd('\uD83D'));
    }

    private static byte[] Compressed(byte[] chunk)
    {
        var output = new byte[chunk.Length * 2];
        var data = new ByteArrayDataOutput(output);
        new Lz4BlockCompression().NewCompressor().Compress(chunk, 0, chunk.Length, data);
        return output[..data.Position];
    }

    private void WriteWithStockCodec(IEnumerable<NewsArticle> articles) => Write(new Lucene46Codec(), articles, compound: true);

    private void WriteWithArticleCodec(IEnumerable<NewsArticle> articles, bool compound) => Write(new ArticleCodec(), articles, compound);

    // As ArticleIndexWriter writes them, but with the given codec.
    private void Write(Codec codec, IEnumerable<NewsArticle> articles, bool compound)
    {
        using var directory = FSDirectory.Open(_index);
        var config = new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer())
        {
            Codec = codec,
            Similarity = ArticleFields.Similarity,
            UseCompoundFile = compound,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var article in articles)
        {
            writer.AddDocument(ArticleDocument.ToDocument(article, ArticleDocument.Fingerprint(article, null), null));
        }

        writer.SetCommitData(new Dictionary<string, string> { [AnalyzerKey] = ArticleFields.AnalyzerVersion });
        writer.Commit();
    }

    private void ForceMergeWithArticleCodec()
    {
        using var directory = FSDirectory.Open(_index);
        var config = new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer()) { Codec = new ArticleCodec(), Similarity = ArticleFields.Similarity };
        using var writer = new IndexWriter(directory, config);
        writer.ForceMerge(1);
        writer.Commit();
    }

    private List<string> SegmentCodecs()
    {
        using var directory = FSDirectory.Open(_index);
        var infos = new SegmentInfos();
        infos.Read(directory);
        return [.. infos.Select(segment => segment.Info.Codec.Name).Order(StringComparer.Ordinal)];
    }
}
