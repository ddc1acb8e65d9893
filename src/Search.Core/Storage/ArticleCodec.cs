using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Search.Core.Storage;

/// <summary>
/// The codec of the article index: Lucene 4.6's formats, except that stored fields (the article text a hit shows)
/// are compressed with <see cref="Lz4BlockCompression"/>. Lucene.Net's own LZ4 decoder copies every literal run and
/// match through the index input one call at a time; loading the 10 articles of a page cost about 0.75 ms that way,
/// which was most of a plain search.
/// </summary>
/// <remarks>
/// The codec's name is written into every segment, so every process that opens an index must know it:
/// <see cref="Register"/> runs when this assembly loads; a process that opens an index through Lucene.Net alone calls
/// it first. Segments written by the stock codec (older indexes) stay readable and move to this codec as they merge.
/// </remarks>
[CodecName("GermanNews48")]
public sealed class ArticleCodec : FilterCodec
{
    // Stored fields are grouped into chunks of at least this many bytes, each compressed as one LZ4 block.
    private const int ChunkSize = 1 << 14;

    // One compression object for every codec instance: merging copies compressed chunks as they are only when the
    // segments' compression is the same object, and decompresses and compresses everything again otherwise.
    private static readonly CompressionMode Compression = new Lz4BlockCompression();

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("GermanNewsStoredFields", Compression, ChunkSize);

    public ArticleCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    private static int _registered;

    /// <summary>Makes the codec known to Lucene.Net, so that indexes written with it open. It runs by itself as soon
    /// as any type of this library is used; call it only before opening an index through Lucene.Net alone.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(ArticleCodec)] });
        }
    }

#pragma warning disable CA2255 // The codec must be known before any index is opened, by every process that uses this library.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterOnLoad() => Register();
}
