using System.Diagnostics;
using System.Globalization;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;
using Xunit.Abstractions;

namespace Search.Indexer.Tests;

// Checks, over at least 20 SIGKILLs of a real indexer process (committing every second) at random moments, spread
// at random over fresh runs (empty index) and update runs (every title and body of an indexed corpus changed):
// after every kill the index either has no commit yet (a fresh run killed before its first commit) or opens with
// its checksums verified, passes check, holds each id once and only ids and titles of the input (an update run:
// every id, each with the old or the new title); re-running the indexer after every kill converges to exactly the
// input's ids and titles: 0 lost, 0 duplicated. Each kill is a table row in the test output, then a summary line.
// CRASH_KILLS (default 20) sets how many kills; CRASH_SEED (default below) replays a sequence of kinds and delays.
public sealed class IndexerRandomKillTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_251_125;

    private const int Articles = 2_500;

    private const int Files = 4;

    private const int CorpusSeed = 815;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void RandomKillsDuringFreshAndUpdateRunsNeverLoseOrDuplicateAnArticle()
    {
        var target = EnvironmentNumber("CRASH_KILLS", 20);
        var seed = EnvironmentNumber("CRASH_SEED", DefaultSeed);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var editions = new List<SyntheticCorpus> { SyntheticCorpus.Create(Articles, Files, CorpusSeed) };
        var folders = new List<string> { editions[0].Folder };

        // One run to completion: the base of the first update run, and how long a whole run takes here, which
        // bounds the random delays so that most kills land while the indexer is working.
        var index = NewFolder(folders, "random-kill-index");
        var (exitCode, fullRun, firstOutput) = RunToCompletion(index, editions[0]);
        Assert.True(exitCode == 0, $"The first full run exited with {exitCode}:\n{firstOutput}");
        var current = editions[0];
        var maxDelay = (int)Math.Max(1_000, 0.9 * fullRun.TotalMilliseconds);
        output.WriteLine($"Seed {seed} (CRASH_SEED); target {target} kills (CRASH_KILLS); corpus {Articles:N0} articles in {Files} files; " +
                         $"a full run takes {fullRun.TotalSeconds:N1} s here, so kills come 150..{maxDelay:N0} ms after the start (then following the latest full run); --commit-interval 1");
        output.WriteLine("| # | run | delay | killed at | visible after kill | opens + check | re-run | after re-run | lost | duplicated |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");

        var problems = new List<string>();
        int round = 0, kills = 0, commits = 0, opened = 0, lost = 0, duplicated = 0;
        while (kills < target && round < target * 2)
        {
            round++;
            var fresh = random.Next(2) == 0;
            var delay = random.Next(150, maxDelay + 1);
            SyntheticCorpus? previous = null;
            if (fresh)
            {
                TryDelete(index);
                index = NewFolder(folders, "random-kill-index");
                current = editions[0];
            }
            else
            {
                previous = current;
                current = SyntheticCorpus.Create(Articles, Files, CorpusSeed, edition: editions.Count + 1);
                editions.Add(current);
                folders.Add(current.Folder);
            }

            string killedAt;
            bool wasKilled;
            TimeSpan ranFor;
            using (var indexer = IndexerProcess.Start(index, current.Folder))
            {
                KillPoint.After(TimeSpan.FromMilliseconds(delay)).WaitFor(indexer);
                wasKilled = indexer.Kill();
                ranFor = indexer.Elapsed;
                killedAt = wasKilled ? $"{indexer.Elapsed.TotalMilliseconds:N0} ms" : $"finished first ({indexer.Elapsed.TotalMilliseconds:N0} ms)";
                kills += wasKilled ? 1 : 0;
                if (!wasKilled && indexer.WaitForExit(RunTimeout) is var exit and not 0)
                {
                    problems.Add($"#{round}: the indexer died by itself with {exit} before its kill:\n{string.Join('\n', indexer.Output)}");
                }
            }

            var afterKill = InspectAfterKill(index, current, previous, $"#{round}", problems);
            commits += wasKilled && afterKill.HasCommit ? 1 : 0;
            opened += wasKilled && afterKill.Opened ? 1 : 0;
            lost += afterKill.Lost;
            duplicated += afterKill.Duplicated;

            // The re-run must get past the stale write.lock and converge to exactly the input.
            (exitCode, var took, var rerunOutput) = RunToCompletion(index, current);
            if (exitCode != 0)
            {
                problems.Add($"#{round}: the re-run exited with {exitCode}:\n{rerunOutput}");
            }

            // A machine shared with other work makes runs slower or faster over time: the delays follow the latest
            // run that did all the work (one that finished before its kill, or a re-run with nothing committed to keep).
            if (!wasKilled)
            {
                maxDelay = Math.Max(1_000, (int)(0.9 * ranFor.TotalMilliseconds));
            }
            else if (afterKill.Untouched)
            {
                maxDelay = Math.Max(1_000, (int)(0.9 * took.TotalMilliseconds));
            }

            var converged = Compare(IndexSnapshot.Read(index), current);
            lost += converged.Lost;
            duplicated += converged.Duplicated;
            if (converged.Problem is not null)
            {
                problems.Add($"#{round} after the re-run: {converged.Problem}");
            }

            output.WriteLine(
                $"| {round} | {(fresh ? "fresh" : "update")} | {delay:N0} ms | {killedAt} | {afterKill.Visible} | {afterKill.Health} | " +
                $"exit {exitCode}, {took.TotalSeconds:N1} s | {converged.Live:N0} | {afterKill.Lost + converged.Lost} | {afterKill.Duplicated + converged.Duplicated} |");

            // Keep the previous edition for the next update run's title check; drop older ones.
            foreach (var old in editions.Where(edition => edition != editions[0] && edition != current).ToList())
            {
                TryDelete(old.Folder);
                editions.Remove(old);
            }
        }

        output.WriteLine(
            $"Summary: {kills} kills in {round} runs (seed {seed}), {commits} left a commit and {opened} of those opened (checksums verified) and passed check, " +
            $"{kills - commits} came before the first commit of a fresh run, {round - kills} runs finished before their kill; lost {lost}, duplicated {duplicated}; {clock.Elapsed.TotalSeconds:N1} s");
        foreach (var folder in folders)
        {
            TryDelete(folder);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(kills >= target, $"Only {kills} of {round} runs were still going when their kill came; {target} needed.");
        Assert.Equal(commits, opened);
        Assert.True(commits > 0, "No kill left a commit behind, so no kill landed between commits.");
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
    }

    /// <summary>
    /// What a killed run left: no commit (acceptable only for a fresh run), or an index that opens with checksums
    /// verified and passes check, with each id once and only the input's ids and titles (for an update run, every id).
    /// </summary>
    private static AfterKill InspectAfterKill(string index, SyntheticCorpus input, SyntheticCorpus? previous, string round, List<string> problems)
    {
        IndexSnapshot snapshot;
        string? torn = null;
        try
        {
            snapshot = IndexSnapshot.Read(index);
        }
        catch (IOException e)
        {
            // A kill while the first commit was being written leaves a segments_1 cut short: there is no commit yet.
            snapshot = IndexSnapshot.Empty;
            torn = $"{e.GetType().Name} reading {string.Join(", ", Directory.EnumerateFiles(index, "segments*").Select(file => $"{Path.GetFileName(file)} ({new FileInfo(file).Length} bytes)"))}";
        }

        if (!snapshot.HasCommit)
        {
            if (previous is not null)
            {
                problems.Add($"{round}: the update run's kill left no readable commit ({torn ?? "none"}); the index committed before is gone.");
            }

            try
            {
                ArticleSearcher.Open(index).Dispose();
                problems.Add($"{round}: a folder without a commit opened as an index.");
            }
            catch (IndexUnavailableException)
            {
                // expected: no index yet, and the engine says so instead of serving an empty one
            }

            return new AfterKill(false, false, torn is null ? "no commit yet" : "first commit cut short", torn ?? "-", 0, 0, true);
        }

        var opened = false;
        var health = "opens, check ok";
        try
        {
            using var searcher = ArticleSearcher.Open(index, verifyChecksums: true);
            var check = IndexChecker.Check(index);
            opened = check.Healthy && searcher.Count == snapshot.LiveDocs && check.Articles == snapshot.LiveDocs;
            if (!opened)
            {
                health = "CHECK FAILED";
                problems.Add($"{round}: healthy {check.Healthy} ({string.Join("; ", check.Problems)}), searcher count {searcher.Count:N0}, check count {check.Articles:N0}, snapshot {snapshot.LiveDocs:N0}");
            }
        }
        catch (Exception e) when (e is IndexUnavailableException or IOException)
        {
            health = "DOES NOT OPEN";
            problems.Add($"{round}: the index does not open after the kill: {e.Message}");
        }

        var duplicated = snapshot.LiveDocsPerId.Count(id => id.Value > 1);
        var unknown = snapshot.LiveDocsPerId.Keys.Count(id => !input.Titles.ContainsKey(id));
        var wrongTitles = snapshot.Titles.Count(title =>
            input.Titles.TryGetValue(title.Key, out var expected) && title.Value != expected && (previous is null || title.Value != previous.Titles[title.Key]));
        var lost = previous is null ? 0 : input.Titles.Keys.Count(id => !snapshot.LiveDocsPerId.ContainsKey(id));
        if (duplicated + unknown + wrongTitles + lost > 0)
        {
            problems.Add($"{round} after the kill: {duplicated} ids live more than once, {unknown} ids not in the input, {wrongTitles} titles from neither edition, {lost} ids lost");
        }

        var updated = snapshot.Titles.Count(title => input.Titles.TryGetValue(title.Key, out var expected) && title.Value == expected);
        var visible = previous is null ? $"{snapshot.LiveDocs:N0}" : $"{snapshot.LiveDocs:N0} ({updated:N0} updated)";
        return new AfterKill(true, opened, visible, health, lost, duplicated, previous is not null && updated == 0);
    }

    /// <summary>Compares the live ids (and their titles) with the input's exactly.</summary>
    private static Converged Compare(IndexSnapshot snapshot, SyntheticCorpus input)
    {
        var lost = input.Titles.Keys.Count(id => !snapshot.LiveDocsPerId.ContainsKey(id));
        var duplicated = snapshot.LiveDocsPerId.Count(id => id.Value > 1);
        var unknown = snapshot.LiveDocsPerId.Keys.Count(id => !input.Titles.ContainsKey(id));
        var wrongTitles = snapshot.Titles.Count(title => input.Titles.TryGetValue(title.Key, out var expected) && title.Value != expected);
        var problem = lost + duplicated + unknown + wrongTitles == 0 && snapshot.LiveDocs == input.Count
            ? null
            : $"{lost} lost, {duplicated} duplicated, {unknown} not in the input, {wrongTitles} stale titles, {snapshot.LiveDocs:N0} live of {input.Count:N0}";
        return new Converged(snapshot.LiveDocs, lost, duplicated, problem);
    }

    private static (int ExitCode, TimeSpan Took, string Output) RunToCompletion(string index, SyntheticCorpus corpus)
    {
        using var indexer = IndexerProcess.Start(index, corpus.Folder);
        var exitCode = indexer.WaitForExit(RunTimeout);
        return (exitCode, indexer.Elapsed, string.Join('\n', indexer.Output));
    }

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string NewFolder(List<string> folders, string purpose)
    {
        var folder = TestCorpus.CreateTempFolder(purpose);
        folders.Add(folder);
        return folder;
    }

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

    // Untouched: nothing of the killed run was committed, so its re-run does all the work.
    private sealed record AfterKill(bool HasCommit, bool Opened, string Visible, string Health, int Lost, int Duplicated, bool Untouched);

    private sealed record Converged(int Live, int Lost, int Duplicated, string? Problem);
}
