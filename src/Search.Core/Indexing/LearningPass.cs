using Search.Core.Analysis;
using Search.Core.Corpus;

namespace Search.Core.Indexing;

/// <summary>
/// The read-only first pass over the input of a new index, which learns the compound words, keeping the files it read
/// to their end: the import then takes their records from here instead of decompressing and parsing them again (JSON
/// parsing was a tenth of a new index's CPU time on the real corpus, half of it in this pass). Only the files within the
/// first <see cref="CorpusImporter.CompoundLearningArticles"/> articles are kept, so the memory this holds is bounded.
/// </summary>
/// <remarks>
/// Files are read and their words counted a core's worth at a time, in parallel (reading one file after another and
/// counting its words on both cores took 4.3 s of a 28 s import of the real corpus); the counts are added up in file
/// order, so the dictionary is the same however the reads finish.
/// </remarks>
internal sealed class LearningPass
{
    private readonly Dictionary<string, List<CorpusRecord>> _read = new(StringComparer.Ordinal);

    /// <summary>Learns the compound words of the first <paramref name="maxArticles"/> articles of <paramref name="files"/>.</summary>
    public CompoundSplitter Learn(IReadOnlyList<InputFile> files, int maxArticles)
    {
        CompoundWordCounter? total = null;
        var articles = 0;
        foreach (var read in Reads(files, maxArticles))
        {
            // In the file the limit falls in, only its first articles count.
            var (words, counted) = articles + read.Articles > maxArticles ? CountWords(read.Records, maxArticles - articles) : (read.Words, read.Articles);
            articles += counted;
            if (total is null)
            {
                total = words;
            }
            else
            {
                total.Merge(words);
            }

            if (read.Whole)
            {
                _read[read.File.Path] = read.Records;
            }

            if (articles >= maxArticles)
            {
                break;
            }
        }

        return (total ?? new CompoundWordCounter()).ToSplitter();
    }

    /// <summary>Takes the records of <paramref name="file"/> when this pass read all of it; each is handed out once.</summary>
    public bool TryTake(InputFile file, out List<CorpusRecord> records) => _read.Remove(file.Path, out records!);

    // Each file read and counted, in file order; up to a core's worth of files is read ahead. Leaving the loop early
    // waits for the reads still under way, so that no file is being read once the pass has returned.
    private static IEnumerable<FileRead> Reads(IReadOnlyList<InputFile> files, int maxArticles)
    {
        var reading = new Queue<Task<FileRead>>();
        var next = 0;
        void ReadNext()
        {
            if (next < files.Count)
            {
                var file = files[next++];
                reading.Enqueue(Task.Run(() => FileRead.Of(file, maxArticles)));
            }
        }

        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            ReadNext();
        }

        try
        {
            while (reading.TryDequeue(out var task))
            {
                yield return task.GetAwaiter().GetResult();
                ReadNext();
            }
        }
        finally
        {
            Task.WhenAll(reading).ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
    }

    // The words of the first maxArticles articles among records, and how many articles that was.
    private static (CompoundWordCounter Words, int Articles) CountWords(List<CorpusRecord> records, int maxArticles)
    {
        var words = new CompoundWordCounter();
        var articles = 0;
        foreach (var record in records)
        {
            if (record.Article is not null && articles < maxArticles)
            {
                words.Add(record.Article.Title);
                words.Add(record.Article.Body);
                articles++;
            }
        }

        return (words, articles);
    }

    // The records of one file up to maxArticles articles, and the words of those articles; Whole when the file ended
    // within them.
    private sealed record FileRead(InputFile File, List<CorpusRecord> Records, bool Whole, int Articles, CompoundWordCounter Words)
    {
        public static FileRead Of(InputFile file, int maxArticles)
        {
            var records = new List<CorpusRecord>();
            var articles = 0;
            var whole = true;
            foreach (var record in CorpusReader.Read(file))
            {
                records.Add(record);
                if (record.Article is not null && ++articles == maxArticles)
                {
                    whole = false;
                    break;
                }
            }

            var (words, counted) = CountWords(records, maxArticles);
            return new FileRead(file, records, whole, counted, words);
        }
    }
}
