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
/// <para>The codec's name is written into every segment, so a process must know it before it opens an index:
/// <see cref="Register"/> is called where this library opens one (<c>ArticleIndexWriter.Open</c>, <c>IndexChecker.Check</c>
/// and the searcher's <see cref="MappedDirectory"/>); a process that opens an
/// index through Lucene.Net alone calls it first. Tools that know only Lucene's own codecs (Luke, lucene-cli) cannot
/// open such an index; the indexer's <c>check</c> command and the API read it.</para>
/// <para>Segments written by the stock codec (older indexes) stay readable and move to this codec as they merge.</para>
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

    private static readonly Lock RegistrationLock = new();
    private static volatile bool _registered;

    /// <summary>Makes the codec known to Lucene.Net (its codec factory: Lucene's codecs and this one), so that indexes
    /// written with it open. Safe to call from any thread, any number of times: the first call sets the factory, and
    /// no call returns before it is set.</summary>
    public static void Register()
    {
        if (_registered)
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (!_registered)
            {
                Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(ArticleCodec)] });
                _registered = true;
            }
        }
    }
}
