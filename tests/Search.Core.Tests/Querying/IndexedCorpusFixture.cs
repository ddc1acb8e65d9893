using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Querying;

/// <summary>Indexes the seeds and the fixture articles once into a temp folder and opens a searcher on it.</summary>
public sealed class IndexedCorpusFixture : IDisposable
{
    public IndexedCorpusFixture()
    {
        IndexPath = TestCorpus.CreateTempFolder("index");
        CorpusImporter.Import([TestCorpus.CreateCorpusFolder()], IndexPath);
        Searcher = ArticleSearcher.Open(IndexPath);
    }

    public string IndexPath { get; }

    public ArticleSearcher Searcher { get; }

    public void Dispose() => Searcher.Dispose();
}
