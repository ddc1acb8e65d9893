using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Facets;

namespace Search.Core.Indexing;

/// <summary>Verifies an index: Lucene's CheckIndex over every segment (checksums included), then counts per month.</summary>
public static class IndexChecker
{
    /// <exception cref="IndexUnavailableException">There is no index in the folder.</exception>
    public static IndexCheckReport Check(string indexPath)
    {
        var fullPath = Path.GetFullPath(indexPath);
        using var directory = FSDirectory.Open(fullPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            throw new IndexUnavailableException($"No index at {fullPath}. Run: dotnet run --project src/Search.Indexer -- seeds --index {indexPath}");
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
            AnalyzerVersion: userData.TryGetValue("analyzer", out var analyzer) ? analyzer : null,
            Files: FileLedger.FromCommitData(userData).Entries.Count,
            Months: CountMonths(reader),
            Problems: []);
    }

    private static List<FacetCount> CountMonths(DirectoryReader reader)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var label = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var months = leaf.AtomicReader.GetSortedDocValues(ArticleFields.Month);
            var live = leaf.AtomicReader.LiveDocs;
            if (months is null)
            {
                continue;
            }

            var perOrdinal = new int[months.ValueCount];
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                var ordinal = months.GetOrd(doc);
                if (ordinal >= 0 && (live is null || live.Get(doc)))
                {
                    perOrdinal[ordinal]++;
                }
            }

            for (var ordinal = 0; ordinal < perOrdinal.Length; ordinal++)
            {
                months.LookupOrd(ordinal, label);
                var month = label.Utf8ToString();
                counts[month] = counts.GetValueOrDefault(month) + perOrdinal[ordinal];
            }
        }

        return [.. counts.Reverse().Where(pair => pair.Value > 0).Select(pair => new FacetCount(pair.Key, pair.Value))];
    }
}
