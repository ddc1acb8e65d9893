using System.CommandLine;
using Search.Core.Errors;
using Search.Core.Indexing;

namespace Search.Bench;

/// <summary>The corpus and index options of the in-process benchmarks, and building (or reusing) their index.</summary>
internal static class BenchIndex
{
    public static Option<string[]> CorpusOption() => new("--corpus")
    {
        Description = "Corpus files or folders (.jsonl, .jsonl.gz, .txt); repeat for more",
        DefaultValueFactory = _ => ["../shared/corpus"],
    };

    /// <param name="folderName">The default index folder's name under the temp folder.</param>
    public static Option<string> IndexOption(string folderName) => new("--index")
    {
        Description = "The index folder; an existing index is reused (only changed corpus files are read again)",
        DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), folderName),
    };

    /// <summary>Indexes <paramref name="corpus"/> into <paramref name="indexPath"/> (incrementally) and says so on stderr;
    /// false, with the reason on stderr, when the index cannot be written.</summary>
    public static bool Build(IReadOnlyCollection<string> corpus, string indexPath)
    {
        try
        {
            var summary = CorpusImporter.Import(corpus, indexPath);
            Console.Error.WriteLine(
                $"Index {indexPath}: {summary.ArticlesInIndex} articles ({summary.Added} added, {summary.UnchangedFiles} files unchanged, {summary.Skipped.Count} skipped) in {summary.Elapsed.TotalSeconds:F1} s");
            return true;
        }
        catch (IndexUnavailableException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return false;
        }
    }
}
