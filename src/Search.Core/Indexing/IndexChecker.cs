using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Errors;
using Search.Core.Facets;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>Verifies an index: Lucene's CheckIndex over every segment (checksums included), then counts per month.</summary>
public static class IndexChecker
{
    /// <exception cref="IndexUnavailableException">There is no index in the folder.</exception>
    public static IndexCheckReport Check(string indexPath)
    {
        var fullPath = Path.GetFullPath(indexPath);
        ArticleCodec.Register();
        using var directory = FSDirectory.Open(fullPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            throw new IndexUnavailableException($"No index at {fullPath}. Run: {RepositoryPaths.BuildIndexCommand(indexPath)}");
        }

        using var log = new StringWriter();
        var checker = new CheckIndex(directory) { CrossCheckTermVectors = false };
        checker.InfoStream = log;
        var status = checker.DoCheckIndex();
        var problems = status.SegmentInfos
            .Where(segment => segment.OpenReaderPassed is false || segment.TermIndexStatus?.Error is not null ||
                              segment.StoredFieldStatus?.Error is not null || segment.DocValuesStatus?.Error is not null)
            .Select(segment => $"segment {segment.Name}: damaged ({segment.DocCount} documents)")
            .ToList();
        if (status.MissingSegments)
        {
            problems.Add("the commit names segment files that are missing");
        }

        // CheckIndex says what failed (e.g. a checksum and the file) in its log.
        problems.AddRange(log.ToString().Split('\n')
            .Select(line => line.Trim().Replace("System.IO.IOException: ", "", StringComparison.Ordinal))
            .Where(line => line.StartsWith("FAILED", StringComparison.Ordinal) || line.StartsWith("ERROR", StringComparison.Ordinal) ||
                           line.Contains("checksum failed", StringComparison.Ordinal))
            .Distinct()
            .Take(10));
        if (!status.Clean && problems.Count == 0)
        {
            problems.Add("Lucene's CheckIndex reports the index as not clean");
        }

        if (!status.Clean)
        {
            return new IndexCheckReport(false, status.NumSegments, 0, 0, null, 0, [], problems);
        }

        using var reader = DirectoryReader.Open(directory);
        var userData = reader.IndexCommit.UserData;
        return new IndexCheckReport(
            Healthy: true,
            Segments: reader.Leaves.Count,
            Articles: reader.NumDocs,
            DeletedNotMerged: reader.NumDeletedDocs,
            AnalyzerVersion: IndexCommitData.ReadAnalyzerVersion(userData),
            Files: FileLedger.FromCommitData(userData).Entries.Count,
            Months: CountMonths(reader),
            Problems: []);
    }

    // The same facet counting as a search for everything, without a filter.
    private static IReadOnlyList<FacetCount> CountMonths(DirectoryReader reader)
    {
        var everything = new FacetCollector(new TotalHitCountCollector(), new FacetFilters(
            new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), long.MinValue, long.MaxValue));
        new IndexSearcher(reader).Search(new MatchAllDocsQuery(), everything);
        return everything.Counts().Months;
    }
}
