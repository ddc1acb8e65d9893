using System.Diagnostics;
using System.Text.RegularExpressions;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Api.Tests;

// Checks, with the real API process started as an IDE or `cd src/Search.Api && dotnet run` starts it (working folder
// src/Search.Api of a repository): it indexes the repository's seeds/ into the repository's index-data/ and serves
// them, leaving nothing in src/Search.Api; without seeds it stops with exit code 1 and a command that works there.
public partial class WorkingFolderTests
{
    [Fact]
    public async Task ServiceStartedInSrcSearchApiIndexesTheRepositorysSeedsIntoTheRepositorysIndexData()
    {
        var root = FakeRepository(withSeeds: true);
        var api = Path.Combine(root, "src", "Search.Api");

        using var process = ApiProcess(api);
        var output = new List<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using var client = new HttpClient { BaseAddress = address };
            await HealthProbeTests.WaitUntilReady(client, TimeSpan.FromMinutes(1));

            Assert.Contains(TestCorpus.SeedId, await client.GetStringAsync($"api/articles/{TestCorpus.SeedId}"), StringComparison.Ordinal);
            Assert.True(ArticleSearcher.Exists(Path.Combine(root, "index-data")));
            Assert.False(Directory.Exists(Path.Combine(api, "index-data")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task ServiceStartedInSrcSearchApiWithoutIndexOrSeedsStopsWithACommandThatWorksThere()
    {
        var root = FakeRepository(withSeeds: false);
        var api = Path.Combine(root, "src", "Search.Api");

        using var process = ApiProcess(api);
        process.Start();
        var said = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"No index at {root}/index-data. Run: dotnet run --project {root}/src/Search.Indexer -- {root}/seeds --index {root}/index-data",
            said, StringComparison.Ordinal);
        Assert.Equal(RepositoryPaths.BuildIndexCommand(Path.Combine(root, "index-data"), api),
            $"dotnet run --project {root}/src/Search.Indexer -- {root}/seeds --index {root}/index-data");
    }

    // The API's build output (copied into this test's output by the project reference), run in workingFolder.
    private static Process ApiProcess(string workingFolder)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Search.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["Search__WarmUpSeconds"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new Process { StartInfo = start };
    }

    // A fresh clone's shape: the marker file, src/Search.Api, and (or not) seeds/ with the repository's seed articles.
    private static string FakeRepository(bool withSeeds)
    {
        var root = TestCorpus.CreateTempFolder("clone");
        File.WriteAllText(Path.Combine(root, RepositoryPaths.Marker), "");
        Directory.CreateDirectory(Path.Combine(root, "src", "Search.Api"));
        if (withSeeds)
        {
            Directory.CreateDirectory(Path.Combine(root, "seeds"));
            foreach (var seed in Directory.EnumerateFiles(TestCorpus.SeedsPath, "*.txt"))
            {
                File.Copy(seed, Path.Combine(root, "seeds", Path.GetFileName(seed)));
            }
        }

        return root;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningOn();
}
