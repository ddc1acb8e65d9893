using System.Diagnostics;
using System.Text.RegularExpressions;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, with the indexer running as a real child process: a SIGKILL at any moment leaves either no commit yet or a
// readable index whose live ids are a duplicate-free subset of the input; an update run killed half-way never loses or
// doubles an article; the write.lock left behind does not block the next run; re-running converges to exactly the
// input. A second indexer on a busy index is turned away promptly with exit code 4 and a "locked" message.
// Every kill is printed as a table row (kill point, when, articles visible, after the re-run) in the test output.
public sealed partial class IndexerCrashTests(CrashCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<CrashCorpusFixture>
{
    /// <summary>Seeds the random kill delay; printed with the results so a failing delay can be replayed.</summary>
    private const int KillSeed = 20_240_611;

    /// <summary>Any single indexer run that takes longer than this is treated as a hang: killed and failed.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void IndexerKilledAtAnyMomentLeavesAReadableIndexThatConvergesOnRerun()
    {
        var corpus = fixture.Corpus;
        var randomDelay = new Random(KillSeed).Next(200, 4_000);
        var killPoints = new[]
        {
            KillPoint.After(TimeSpan.FromMilliseconds(300)),
            KillPoint.After(TimeSpan.FromMilliseconds(800)),
            KillPoint.After(TimeSpan.FromMilliseconds(1_500)),
            KillPoint.After(TimeSpan.FromMilliseconds(3_000)),
            KillPoint.AtLine("at the first progress line", IsProgressOrSummaryLine, RunTimeout),
            KillPoint.After(TimeSpan.FromMilliseconds(randomDelay), $"after {randomDelay:N0} ms (random, seed {KillSeed})"),
        };

        var clock = Stopwatch.StartNew();
        output.WriteLine($"Fresh index per kill point; corpus: {corpus.Count:N0} articles in {corpus.Folder}");
        WriteTableHeader();
        int killed = 0, staleLocks = 0;
        foreach (var killPoint in killPoints)
        {
            var index = TestCorpus.CreateTempFolder("crash-index");
            var (wasKilled, killedAt) = RunAndKill(index, corpus, killPoint);
            killed += wasKilled ? 1 : 0;
            var visible = AssertConsistentAfterKill(index, corpus, previous: null, killPoint);
            var lockLeft = LockFileLeft(index);
            staleLocks += lockLeft == "yes" ? 1 : 0;

            // The stale write.lock must not stop the re-run, and the re-run must converge to exactly the input.
            var (exitCode, took, rerunOutput) = RunToCompletion(index, corpus);
            var after = IndexSnapshot.Read(index);
            WriteRow(killPoint, killedAt, visible, lockLeft, exitCode, after, took);
            Assert.True(exitCode == 0, $"The re-run after the kill {killPoint} exited with {exitCode}:\n{rerunOutput}");
            AssertExactly(corpus, index, after);
            TryDelete(index); // kept for a post-mortem when an assertion above fails
        }

        output.WriteLine($"Total: {clock.Elapsed.TotalSeconds:N1} s; {killed} runs still going when killed, {staleLocks} left a write.lock behind");

        // Guards against a test that proves nothing, e.g. on a machine so fast that every run finished before its kill.
        Assert.True(killed >= 3, $"Only {killed} runs were still going when their kill came.");
        Assert.True(staleLocks >= 1, "No kill left a write.lock behind, so a re-run over a stale lock was never tried.");
    }

    [Fact]
    public void IndexerKilledWhileUpdatingEveryArticleNeverLosesOrDuplicatesOne()
    {
        var first = fixture.Corpus;
        var second = fixture.SecondEdition;
        var clock = Stopwatch.StartNew();
        var index = TestCorpus.CreateTempFolder("crash-update-index");
        var (exitCode, took, firstOutput) = RunToCompletion(index, first);
        Assert.True(exitCode == 0, $"The first full run exited with {exitCode}:\n{firstOutput}");
        AssertExactly(first, index, IndexSnapshot.Read(index));
        output.WriteLine($"One index, first edition indexed in {took.TotalSeconds:N1} s; then update runs (second edition: every title and body changed), each killed, one after the other:");
        WriteTableHeader();

        var killPoints = new[]
        {
            KillPoint.After(TimeSpan.FromMilliseconds(1_000), "update run after 1,000 ms"),
            KillPoint.After(TimeSpan.FromMilliseconds(2_500), "next update run after 2,500 ms"),
            KillPoint.AtLine("next update run at the first progress line", IsProgressOrSummaryLine, RunTimeout),
        };
        foreach (var killPoint in killPoints)
        {
            var (_, killedAt) = RunAndKill(index, second, killPoint);
            var visible = AssertConsistentAfterKill(index, second, first, killPoint);
            WriteRow(killPoint, killedAt, visible, LockFileLeft(index), null, null, null);
        }

        (exitCode, took, var rerunOutput) = RunToCompletion(index, second);
        var after = IndexSnapshot.Read(index);
        WriteRow("final update run to completion", "-", "-", "-", exitCode, after, took);
        output.WriteLine($"Total: {clock.Elapsed.TotalSeconds:N1} s");
        Assert.True(exitCode == 0, $"The final update run exited with {exitCode}:\n{rerunOutput}");
        AssertExactly(second, index, after);
        TryDelete(index);
    }

    [Fact]
    public void IndexerKilledWhileWritingItsFirstCommitIsFollowedByARerunThatIndexesEverything()
    {
        // What a SIGKILL in the middle of the first commit leaves: the segment files, and a segments_1 cut short.
        // Lucene counts any segments_N as "an index exists", so a writer would try to read it and fail.
        var corpus = SyntheticCorpus.Create(300, files: 2, seed: 99);
        var index = TestCorpus.CreateTempFolder("torn-first-commit");
        // Not merged: the merge of a new index commits again, after the first commit this test tears.
        CorpusImporter.Import([corpus.Folder], index, new ImportOptions { MergeNewIndex = false });
        var segments = Path.Combine(index, "segments_1");
        Assert.Equal(["segments_1"], Directory.EnumerateFiles(index, "segments_*").Select(Path.GetFileName));
        var length = new FileInfo(segments).Length;
        using (var file = new FileStream(segments, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(length / 2);
        }

        File.Delete(Path.Combine(index, "segments.gen"));
        Assert.Throws<IndexUnavailableException>(() => ArticleSearcher.Open(index).Dispose());

        var (exitCode, took, rerunOutput) = RunToCompletion(index, corpus);

        output.WriteLine($"segments_1 cut from {length} to {length / 2} bytes; the re-run exited with {exitCode} after {took.TotalSeconds:N1} s:\n{rerunOutput}");
        Assert.True(exitCode == 0, $"The re-run after a kill during the first commit exited with {exitCode}:\n{rerunOutput}");
        AssertExactly(corpus, index, IndexSnapshot.Read(index));
        TryDelete(index);
        TryDelete(corpus.Folder);
    }

    [Fact]
    public void SecondIndexerOnABusyIndexIsToldTheIndexIsLockedInsteadOfWaiting()
    {
        var corpus = fixture.Corpus;
        var index = TestCorpus.CreateTempFolder("locked-index");
        using var first = IndexerProcess.Start(index, corpus.Folder);

        // The writer (and with it the lock) exists once the first indexer has put a file into the empty folder.
        while (!Directory.EnumerateFileSystemEntries(index).Any() && !first.HasExited && first.Elapsed < RunTimeout)
        {
            Thread.Sleep(10);
        }

        var firstOpenedAfter = first.Elapsed;
        Assert.False(first.HasExited, $"The first indexer ended before the test could start the second:\n{string.Join('\n', first.Output)}");

        int secondExit;
        TimeSpan secondTook;
        string secondOutput;
        bool firstRunningWhenSecondEnded;
        using (var second = IndexerProcess.Start(index, corpus.Folder))
        {
            secondExit = second.WaitForExit(TimeSpan.FromSeconds(30));
            secondTook = second.Elapsed;
            secondOutput = string.Join('\n', second.Output);
            firstRunningWhenSecondEnded = !first.HasExited;
        }

        var firstExit = first.WaitForExit(RunTimeout);
        output.WriteLine($"first indexer opened the index after {firstOpenedAfter.TotalMilliseconds:N0} ms and exited with {firstExit} after {first.Elapsed.TotalSeconds:N1} s");
        output.WriteLine($"second indexer exited with {secondExit} after {secondTook.TotalMilliseconds:N0} ms (first still running then: {firstRunningWhenSecondEnded}); it printed:");
        output.WriteLine(secondOutput);

        Assert.True(secondExit == 4,
            $"Expected the second indexer to exit with 4 (index locked) but it exited with {secondExit} after {secondTook.TotalSeconds:N1} s:\n{secondOutput}\n--- first indexer (exit {firstExit}):\n{string.Join('\n', first.Output)}");
        Assert.Contains("locked", secondOutput, StringComparison.OrdinalIgnoreCase);
        Assert.True(secondTook < TimeSpan.FromSeconds(10), $"The second indexer took {secondTook.TotalSeconds:N1} s to give up.");
        Assert.True(firstRunningWhenSecondEnded, "The first indexer had already finished, so the test proved nothing; use a larger corpus.");

        // The turned-away indexer must not have disturbed the one holding the lock.
        Assert.True(firstExit == 0, string.Join('\n', first.Output));
        AssertExactly(corpus, index, IndexSnapshot.Read(index));
        TryDelete(index);
    }

    /// <summary>
    /// A progress line of the indexer ("  2,598 articles · 495/s · 32 % · ETA 0:10", printed every few seconds when output
    /// is redirected), a line about a commit, or, for a run too short for either, the top border of the final summary table.
    /// </summary>
    private static bool IsProgressOrSummaryLine(string line) =>
        ProgressLine().IsMatch(line) || line.Contains("commit", StringComparison.OrdinalIgnoreCase) || line.StartsWith('┌');

    [GeneratedRegex(@"^\s*\d[\d,.]*\s+articles\b")]
    private static partial Regex ProgressLine();

    private static void TryDelete(string folder)
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

    private static string LockFileLeft(string index) => File.Exists(Path.Combine(index, "write.lock")) ? "yes" : "no";

    /// <summary>Starts the indexer, kills it with SIGKILL at <paramref name="killPoint"/> and says when that was.</summary>
    /// <returns>Whether it was still running to be killed, and when that was.</returns>
    private static (bool Killed, string When) RunAndKill(string index, SyntheticCorpus corpus, KillPoint killPoint)
    {
        using var indexer = IndexerProcess.Start(index, corpus.Folder);
        var note = killPoint.WaitFor(indexer);
        if (indexer.Kill())
        {
            return (true, $"{indexer.Elapsed.TotalMilliseconds:N0} ms{(note is null ? "" : $" ({note})")}");
        }

        // It finished before the kill point came; that has to have been a clean finish.
        var exitCode = indexer.WaitForExit(RunTimeout);
        Assert.True(exitCode == 0, $"The indexer died by itself with {exitCode} before the kill {killPoint}:\n{string.Join('\n', indexer.Output)}");
        return (false, $"not killed: finished by itself after {indexer.Elapsed.TotalMilliseconds:N0} ms (exit 0)");
    }

    private static (int ExitCode, TimeSpan Took, string Output) RunToCompletion(string index, SyntheticCorpus corpus)
    {
        using var indexer = IndexerProcess.Start(index, corpus.Folder);
        var exitCode = indexer.WaitForExit(RunTimeout);
        return (exitCode, indexer.Elapsed, string.Join('\n', indexer.Output));
    }

    /// <summary>
    /// Checks what a killed run left behind: no commit yet (only acceptable when there was none before), or a readable
    /// index with each live id once, every id from the input, titles from <paramref name="expected"/> or, for an update
    /// run, from the <paramref name="previous"/> edition. Returns how many articles a reader sees.
    /// </summary>
    private static string AssertConsistentAfterKill(string index, SyntheticCorpus expected, SyntheticCorpus? previous, KillPoint killPoint)
    {
        var snapshot = IndexSnapshot.Read(index);
        if (!snapshot.HasCommit)
        {
            Assert.True(previous is null, $"After the kill {killPoint} the index that was committed before is gone.");
            Assert.Throws<IndexUnavailableException>(() => ArticleSearcher.Open(index).Dispose());
            return "no commit yet";
        }

        var unknown = snapshot.LiveDocsPerId.Keys.Where(id => !expected.Titles.ContainsKey(id)).Take(5).ToList();
        Assert.True(unknown.Count == 0, $"After the kill {killPoint}: ids not in the input: {string.Join(", ", unknown)}");
        var duplicated = snapshot.LiveDocsPerId.Where(id => id.Value > 1).Take(5).Select(id => $"{id.Key} x{id.Value}").ToList();
        Assert.True(duplicated.Count == 0, $"After the kill {killPoint}: ids live more than once: {string.Join(", ", duplicated)}");
        Assert.Equal(snapshot.LiveDocsPerId.Count, snapshot.LiveDocs);
        Assert.InRange(snapshot.LiveDocs, 0, expected.Count);
        if (previous is not null)
        {
            Assert.True(snapshot.LiveDocs == expected.Count, $"After the kill {killPoint} during an update run only {snapshot.LiveDocs:N0} of {expected.Count:N0} articles are left.");
        }

        var wrongTitles = snapshot.Titles
            .Where(title => title.Value != expected.Titles[title.Key] && (previous is null || title.Value != previous.Titles[title.Key]))
            .Take(5).Select(title => $"{title.Key}: '{title.Value}'").ToList();
        Assert.True(wrongTitles.Count == 0, $"After the kill {killPoint}: titles from neither edition: {string.Join(", ", wrongTitles)}");

        // Lucene's CheckIndex (checksums included) finds nothing wrong, and the engine's own reader agrees on the count.
        var check = IndexChecker.Check(index);
        Assert.True(check.Healthy, $"After the kill {killPoint} the index is damaged: {string.Join("; ", check.Problems)}");
        Assert.Equal(snapshot.LiveDocs, check.Articles);
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(snapshot.LiveDocs, searcher.Count);
        var ids = snapshot.LiveDocsPerId.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids.Count == 0 ? [] : new[] { ids[0], ids[^1] })
        {
            Assert.Equal(snapshot.Titles[id], searcher.GetArticle(id)?.Title);
        }

        if (previous is null)
        {
            return $"{snapshot.LiveDocs:N0}";
        }

        var updated = snapshot.Titles.Count(title => title.Value == expected.Titles[title.Key]);
        return $"{snapshot.LiveDocs:N0} ({updated:N0} already updated)";
    }

    /// <summary>Checks that the index holds exactly the corpus: every id once, nothing else, every title as written.</summary>
    private static void AssertExactly(SyntheticCorpus corpus, string index, IndexSnapshot snapshot)
    {
        Assert.True(snapshot.HasCommit, "No commit after a completed run.");
        var missing = corpus.Titles.Keys.Where(id => !snapshot.LiveDocsPerId.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} ids missing, e.g. {string.Join(", ", missing.Take(5))}");
        var unexpected = snapshot.LiveDocsPerId.Keys.Where(id => !corpus.Titles.ContainsKey(id)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} ids not in the input, e.g. {string.Join(", ", unexpected.Take(5))}");
        var duplicated = snapshot.LiveDocsPerId.Where(id => id.Value != 1).Select(id => $"{id.Key} x{id.Value}").ToList();
        Assert.True(duplicated.Count == 0, $"{duplicated.Count} ids live more than once, e.g. {string.Join(", ", duplicated.Take(5))}");
        Assert.Equal(corpus.Count, snapshot.LiveDocs);
        var wrongTitles = snapshot.Titles.Where(title => title.Value != corpus.Titles[title.Key]).Select(title => title.Key).ToList();
        Assert.True(wrongTitles.Count == 0, $"{wrongTitles.Count} titles differ from the input, e.g. {string.Join(", ", wrongTitles.Take(5))}");

        // Spot checks through the engine's own API.
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(corpus.Count, searcher.Count);
        foreach (var id in new[] { "synth-00000", $"synth-{corpus.Count / 2:D5}", $"synth-{corpus.Count - 1:D5}" })
        {
            Assert.Equal(corpus.Titles[id], searcher.GetArticle(id)?.Title);
        }
    }

    private void WriteTableHeader()
    {
        output.WriteLine("| kill point | killed at | visible after kill | write.lock left | re-run exit | after re-run | re-run time |");
        output.WriteLine("|---|---|---|---|---|---|---|");
    }

    private void WriteRow(object killPoint, string killedAt, string visible, string lockLeft, int? exitCode, IndexSnapshot? after, TimeSpan? took) =>
        output.WriteLine(
            $"| {killPoint} | {killedAt} | {visible} | {lockLeft} | {(exitCode is null ? "-" : $"{exitCode}")} | {(after is null ? "-" : $"{after.LiveDocs:N0}")} | {(took is null ? "-" : $"{took.Value.TotalSeconds:N1} s")} |");
}
