using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests;

/// <summary>
/// Made-up articles written as a JSON Lines corpus, indexed on disk by the real importer, and a searcher on that index:
/// the base of the fixtures whose tests each need a few articles of a particular shape.
/// </summary>
public abstract class IndexedArticlesFixture : IDisposable
{
    /// <param name="name">Names the temporary folders and the corpus file.</param>
    /// <param name="articles">Objects serialised as one JSON line each (id, date, title, body, …).</param>
    protected IndexedArticlesFixture(string name, IEnumerable<object> articles)
    {
        var corpus = TestCorpus.CreateTempFolder($"{name}-corpus");
        File.WriteAllLines(Path.Combine(corpus, $"{name}.jsonl"), articles.Select(article => JsonSerializer.Serialize(article)));
        IndexPath = TestCorpus.CreateTempFolder($"{name}-index");
        CorpusImporter.Import([corpus], IndexPath);
        Searcher = ArticleSearcher.Open(IndexPath);
    }

    public string IndexPath { get; }

    public ArticleSearcher Searcher { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Searcher.Dispose();
        }
    }
}
