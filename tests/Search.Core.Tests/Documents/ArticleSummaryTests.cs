using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Storage;
using Search.Tests.Shared;

namespace Search.Core.Tests.Documents;

// Checks: what a hit list shows of an article (read from the summary doc values) is what its stored fields hold, body
// aside, with and without the optional fields and in any script; articles written before the summary existed, alone or
// merged into one segment with newer ones, are summarised from their stored fields.
public class ArticleSummaryTests
{
    private static readonly NewsArticle[] Articles =
    [
        new("a-1", "Gespräche in Genf", "2020-03-05", "Die Gespräche in Genf gehen weiter.", "Foto: Straße in Genf © dpa", "example.de", "https://example.de/a-1"),
        new("a-2", "Ohne Bild", "2020-04", "Text ohne Bildunterschrift."),
        new("a-3", "Ελληνικά 😀 und 中文", "2021-01-31", "Überall Zeichen.", Source: "beispiel.de"),
        new("a-4", new string('T', 2_000), "2020-12-01", "Ein langer Titel.", Url: "https://example.de/" + new string('u', 500)),
    ];

    [Fact]
    public void HitListShowsWhatTheStoredFieldsHoldButTheBody()
    {
        var path = TestCorpus.CreateTempFolder("summary-index");
        Write(path, Articles, withSummary: true);

        using var directory = new MappedDirectory(path);
        using var reader = DirectoryReader.Open(directory);
        AssertSummariesMatchStoredFields(reader);
        Assert.All(reader.Leaves, leaf => Assert.NotNull(leaf.AtomicReader.GetBinaryDocValues(ArticleFields.Summary)));
    }

    [Fact]
    public void ArticlesWrittenBeforeTheSummaryAreSummarisedFromTheirStoredFields()
    {
        var path = TestCorpus.CreateTempFolder("summary-old-index");
        Write(path, Articles[..2], withSummary: false);
        Write(path, Articles[2..], withSummary: true);

        using (var directory = new MappedDirectory(path))
        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Equal(2, reader.Leaves.Count);
            AssertSummariesMatchStoredFields(reader);
        }

        // Merged: the older articles have an empty summary in a segment that has the field.
        using (var writer = new IndexWriter(FSDirectory.Open(path), new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer()) { Codec = new ArticleCodec() }))
        {
            writer.ForceMerge(1);
        }

        using (var directory = new MappedDirectory(path))
        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Single(reader.Leaves);
            AssertSummariesMatchStoredFields(reader);
        }
    }

    private static void AssertSummariesMatchStoredFields(DirectoryReader reader)
    {
        Assert.Equal(Articles.Length, reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var stored = ArticleDocument.FromDocument(reader.Document(doc));
            Assert.Contains(stored, Articles);
            Assert.Equal(stored with { Body = string.Empty }, ArticleDocument.Summary(reader, doc));
        }
    }

    private static void Write(string path, IEnumerable<NewsArticle> articles, bool withSummary)
    {
        ArticleCodec.Register(); // Lucene.Net alone opens the index: its segments name our codec
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer()) { Codec = new ArticleCodec() });
        foreach (var article in articles)
        {
            var document = ArticleDocument.ToDocument(article, [1, 2, 3], sourceFile: null);
            if (!withSummary)
            {
                document.RemoveFields(ArticleFields.Summary);
            }

            writer.AddDocument(document);
        }

        writer.Commit();
    }
}
