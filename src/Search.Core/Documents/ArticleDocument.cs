using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>Maps a <see cref="NewsArticle"/> to the Lucene document that stores it, and back.</summary>
internal static class ArticleDocument
{
    // The body is indexed with each term's character offsets, so snippets mark matches without analysing it again.
    private static readonly FieldType BodyType = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    public static Document ToDocument(NewsArticle article, byte[] fingerprint, string? sourceFile)
    {
        var document = new Document
        {
            new StringField(ArticleFields.Id, article.Id, Field.Store.YES),
            // Sorting by id breaks ties between equal scores or dates, which keeps cursor paging stable.
            new SortedDocValuesField(ArticleFields.Id, new BytesRef(article.Id)),
            new TextField(ArticleFields.Title, article.Title, Field.Store.YES),
            new StoredField(ArticleFields.Date, article.Date),
            new StringField(ArticleFields.Month, article.Month, Field.Store.NO),
            new SortedDocValuesField(ArticleFields.Month, new BytesRef(article.Month)),
            new NumericDocValuesField(ArticleFields.DateSort, ArticleDate.ToSortKey(article.Date)),
            new BinaryDocValuesField(ArticleFields.Fingerprint, new BytesRef(fingerprint)),
            new BinaryDocValuesField(ArticleFields.Summary, new BytesRef(EncodeSummary(article))),
        };
        if (article.Caption is not null)
        {
            document.Add(new TextField(ArticleFields.Caption, article.Caption, Field.Store.YES));
        }

        if (article.Source is not null)
        {
            document.Add(new StringField(ArticleFields.Source, article.Source, Field.Store.YES));
            document.Add(new SortedDocValuesField(ArticleFields.Source, new BytesRef(article.Source)));
        }

        if (sourceFile is not null)
        {
            document.Add(new StringField(ArticleFields.SourceFile, sourceFile, Field.Store.NO));
        }

        if (article.Url is not null)
        {
            document.Add(new StoredField(ArticleFields.Url, article.Url));
        }

        // Stored last: a hit list without snippets reads the fields before it and stops (SummaryVisitor).
        document.Add(new Field(ArticleFields.Body, article.Body, BodyType));

        return document;
    }

    public static NewsArticle FromDocument(Document document) => new(
        Id: document.Get(ArticleFields.Id, CultureInfo.InvariantCulture),
        Title: document.Get(ArticleFields.Title, CultureInfo.InvariantCulture),
        Date: document.Get(ArticleFields.Date, CultureInfo.InvariantCulture),
        Body: document.Get(ArticleFields.Body, CultureInfo.InvariantCulture),
        Caption: document.Get(ArticleFields.Caption, CultureInfo.InvariantCulture),
        Source: document.Get(ArticleFields.Source, CultureInfo.InvariantCulture),
        Url: document.Get(ArticleFields.Url, CultureInfo.InvariantCulture));

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The article <paramref name="doc"/> without its body (empty): what a hit list without snippets shows.</summary>
    public static NewsArticle Summary(IndexReader reader, int doc)
    {
        // From the summary doc values: a read of a few hundred bytes, where the stored fields decompress the block of
        // articles up to this one, body included (a sixth of a top-10 search without snippets).
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var summary = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(ArticleFields.Summary)?.Get(doc - leaf.DocBase, summary);
        if (summary.Length > 0)
        {
            return DecodeSummary(summary);
        }

        // Written before the summary existed (or merged with such articles): from the stored fields.
        var visitor = new SummaryVisitor();
        reader.Document(doc, visitor);
        return FromDocument(visitor.Document) with { Body = string.Empty };
    }

    // Which of the optional fields the summary holds, in its first byte.
    [Flags]
    private enum Present : byte
    {
        None = 0,
        Caption = 1,
        Source = 2,
        Url = 4,
    }

    private static byte[] EncodeSummary(NewsArticle article)
    {
        var text = new[] { article.Id, article.Title, article.Date, article.Caption, article.Source, article.Url };
        var bytes = new byte[1 + text.Sum(value => value is null ? 0 : 5 + Encoding.UTF8.GetMaxByteCount(value.Length))];
        var output = new ByteArrayDataOutput(bytes);
        output.WriteByte((byte)((article.Caption is null ? Present.None : Present.Caption)
            | (article.Source is null ? Present.None : Present.Source)
            | (article.Url is null ? Present.None : Present.Url)));
        foreach (var value in text.OfType<string>())
        {
            output.WriteString(value);
        }

        return bytes.AsSpan(0, output.Position).ToArray();
    }

    private static NewsArticle DecodeSummary(BytesRef summary)
    {
        var input = new ByteArrayDataInput(summary.Bytes, summary.Offset, summary.Length);
        var present = (Present)input.ReadByte();
        return new NewsArticle(
            Id: input.ReadString(),
            Title: input.ReadString(),
            Date: input.ReadString(),
            Body: string.Empty,
            Caption: present.HasFlag(Present.Caption) ? input.ReadString() : null,
            Source: present.HasFlag(Present.Source) ? input.ReadString() : null,
            Url: present.HasFlag(Present.Url) ? input.ReadString() : null);
    }

    // Reads every stored field until the body. Articles store their body last, so the (long) body is neither
    // decompressed beyond its first chunk nor decoded; in an older layout the fields after it are still read.
    private sealed class SummaryVisitor : DocumentStoredFieldVisitor
    {
        private int _seen;

        public override Status NeedsField(FieldInfo fieldInfo)
        {
            if (fieldInfo.Name == ArticleFields.Body)
            {
                return _seen >= 3 ? Status.STOP : Status.NO;
            }

            if (fieldInfo.Name is ArticleFields.Id or ArticleFields.Title or ArticleFields.Date)
            {
                _seen++;
            }

            return Status.YES;
        }
    }

    /// <summary>A hash of everything indexed about the article and of the analyzer version, to recognise unchanged input.</summary>
    public static byte[] Fingerprint(NewsArticle article, string? sourceFile)
    {
        var text = string.Join('\u001f', ArticleFields.AnalyzerVersion, sourceFile, article.Id, article.Title, article.Date, article.Body,
            article.Caption, article.Source, article.Url);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }
}
