using Search.Core.Analysis;
using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>
/// The read-only first pass over the input of a new index, which learns the compound words, keeping the files it read
/// to their end: the import then takes their records from here instead of decompressing and parsing them again (JSON
/// parsing was a tenth of a new index's CPU time on the real corpus, half of it in this pass). Only the files within the
/// first <see cref="CorpusImporter.CompoundLearningArticles"/> articles are kept, so the memory this holds is bounded.
/// </summary>
internal sealed class LearningPass
{
    private readonly Dictionary<string, List<CorpusRecord>> _read = new(StringComparer.Ordinal);

    /// <summary>Learns the compound words of the first <paramref name="maxArticles"/> articles of <paramref name="files"/>.</summary>
    public CompoundSplitter Learn(IReadOnlyList<InputFile> files, int maxArticles) =>
        CompoundSplitter.Learn(Texts(files, maxArticles));

    /// <summary>Takes the records of <paramref name="file"/> when this pass read all of it; each is handed out once.</summary>
    public bool TryTake(InputFile file, out List<CorpusRecord> records) => _read.Remove(file.Path, out records!);

    // Title and body of each article, as before; a file is kept once it has been read to its end.
    private IEnumerable<string> Texts(IReadOnlyList<InputFile> files, int maxArticles)
    {
        var articles = 0;
        foreach (var file in files)
        {
            var records = new List<CorpusRecord>();
            foreach (var record in CorpusReader.Read(file))
            {
                records.Add(record);
                if (record.Article is null)
                {
                    continue;
                }

                yield return record.Article.Title;
                yield return record.Article.Body;
                if (++articles == maxArticles)
                {
                    yield break;
                }
            }

            _read[file.Path] = records;
        }
    }
}
