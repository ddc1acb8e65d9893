namespace Search.Indexer.Tests;

/// <summary>
/// The synthetic corpus shared by the crash tests: 8,000 articles in 3 files (about 29 MB of JSON Lines), and a second
/// edition of it with the same ids but changed titles and bodies.
/// </summary>
public sealed class CrashCorpusFixture : IDisposable
{
    public const int Articles = 8_000;

    private const int Seed = 4711;

    public SyntheticCorpus Corpus { get; } = SyntheticCorpus.Create(Articles, files: 3, Seed);

    public SyntheticCorpus SecondEdition { get; } = SyntheticCorpus.Create(Articles, files: 3, Seed, edition: 2);

    public void Dispose()
    {
        foreach (var folder in new[] { Corpus.Folder, SecondEdition.Folder })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp folder left behind does no harm
            }
        }
    }
}
