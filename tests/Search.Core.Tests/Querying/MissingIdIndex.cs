using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Tests.Shared;

namespace Search.Core.Tests.Querying;

/// <summary>
/// Lucene's own documents in four segments: some without id, one segment without the id field at all, some ids twice,
/// among them ids whose UTF-8 and UTF-16 orders differ. Each body says "hafen", a third of them "hafen schiff"; each has
/// a date sort key of 0 to 2. Equal scores, dates and ids leave the document to decide.
/// </summary>
internal static class MissingIdIndex
{
    public static FSDirectory Create()
    {
        var directory = FSDirectory.Open(TestCorpus.CreateTempFolder("missing-id-index"));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES };
        var random = new Random(7);
        using var writer = new IndexWriter(directory, config);
        string?[][] segments =
        [
            ["k", "b", null, "x", "é", "a", "m"],
            [null, null, null],
            ["b", "zz", null, "😀", "\uFFFD", "c", "k", "a0"],
            ["q", "\uFFFD", "b", null, "a", "m1"],
        ];
        foreach (var ids in segments)
        {
            foreach (var id in ids)
            {
                var document = new Document
                {
                    new TextField("body", random.Next(3) == 0 ? "hafen schiff" : "hafen", Field.Store.NO),
                    new NumericDocValuesField(ArticleFields.DateSort, random.Next(3)),
                };
                if (id is not null)
                {
                    document.Add(new StringField(ArticleFields.Id, id, Field.Store.YES));
                    document.Add(new SortedDocValuesField(ArticleFields.Id, new BytesRef(id)));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        return directory;
    }
}
