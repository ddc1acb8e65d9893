using System.Text.Json;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Api.Hosting;
using Search.Api.ServedIndex;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Errors;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Api.Tests;

public class StartupTests
{
    [Fact]
    public async Task ExistingIndexIsReusedInsteadOfIndexingTheSeedsAgain()
    {
        var factory = new SearchApiFactory();
        var onlyOne = Path.Combine(TestCorpus.CreateTempFolder("corpus"), "one.jsonl");
        File.WriteAllText(onlyOne, """{"id":"only","date":"2020-05-05","title":"Einzig","body":"Nur dieser Artikel."}""");
        CorpusImporter.Import([onlyOne], factory.IndexPath);

        await using (factory)
        {
            using var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/health"));
            Assert.Equal(1, json.RootElement.GetProperty("articles").GetInt32());
        }
    }

    [Fact]
    public async Task ConfiguredWarmUpRunsInTheBackgroundUntilReadyAndIsLogged()
    {
        var log = new CapturedLog();
        await using var api = new LoopbackSearchApi(log) { WarmUpSeconds = "0.3" };
        using var client = new HttpClient { BaseAddress = api.Start() };
        client.DefaultRequestHeaders.Authorization = new("Bearer", LoopbackSearchApi.ReadKey);

        Assert.True((await client.GetAsync("api/search?q=Gespr%C3%A4ch")).IsSuccessStatusCode);
        await HealthProbeTests.WaitUntilReady(client, TimeSpan.FromSeconds(60));
        var warmedUp = Assert.Single(log.Entries, entry => entry.Contains("Warmed up with", StringComparison.Ordinal));
        Assert.Matches(@"Warmed up with [1-9][0-9]* searches in [0-9]+\.[0-9] s", warmedUp);
        Assert.DoesNotContain(log.Entries, entry => entry.Contains("was built with analyzer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndexBuiltByAnOlderAnalyzerIsServedWithAWarningThatSaysHowToRebuildIt()
    {
        var log = new CapturedLog();
        await using var api = new LoopbackSearchApi(log);
        CorpusImporter.Import([api.SeedsPath], api.IndexPath);
        using (var directory = FSDirectory.Open(api.IndexPath))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleFields.Version, new GermanNewsAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["analyzer"] = "german-news-0" });
            writer.Commit();
        }

        using var client = new HttpClient { BaseAddress = api.Start() };
        client.DefaultRequestHeaders.Authorization = new("Bearer", LoopbackSearchApi.ReadKey);

        Assert.True((await client.GetAsync("api/search?q=Genf")).IsSuccessStatusCode);
        var warning = Assert.Single(log.Entries, entry => entry.Contains("was built with analyzer", StringComparison.Ordinal));
        Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
        Assert.Contains(
            $"The index at {api.IndexPath} was built with analyzer 'german-news-0', but this service analyses queries as '{ArticleFields.AnalyzerVersion}'",
            warning, StringComparison.Ordinal);
        Assert.Contains($"--index {api.IndexPath} --rebuild", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIndexAndMissingSeedsFailWithTheCommandThatFixesIt()
    {
        var options = new SearchOptions { IndexPath = TestCorpus.CreateTempFolder("empty"), SeedsPath = "/no/such/seeds" };

        var error = Assert.Throws<IndexUnavailableException>(() => IndexStartup.Open(options, NullLogger.Instance));

        // This test runs inside the repository (its output folder), so the command names the repository's indexer and seeds.
        Assert.Equal($"No index at {options.IndexPath}. Run: dotnet run --project {TestCorpus.RepositoryRoot}/src/Search.Indexer -- {TestCorpus.RepositoryRoot}/seeds --index {options.IndexPath}", error.Message);
    }

    [Fact]
    public void DamagedIndexIsRefusedWithHowToCheckAndRebuildItAndIsNotWrittenOver()
    {
        var index = TestCorpus.CreateTempFolder("damaged");
        CorpusImporter.Import([TestCorpus.CreateCorpusFolder()], index);
        // The largest file of a segment (Lucene names them _N…): a compound file, or, merged, the stored fields.
        var segment = Directory.EnumerateFiles(index).Where(file => Path.GetFileName(file).StartsWith('_')).MaxBy(file => new FileInfo(file).Length)!;
        var bytes = File.ReadAllBytes(segment);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(segment, bytes);
        var before = Directory.EnumerateFiles(index).Select(Path.GetFileName).Order().ToList();
        var options = new SearchOptions { IndexPath = index, SeedsPath = TestCorpus.SeedsPath };

        var error = Assert.Throws<IndexUnavailableException>(() => IndexStartup.Open(options, NullLogger.Instance));

        Assert.StartsWith($"The index at {index} is damaged and will not be served (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"Rebuild it: dotnet run --project {TestCorpus.RepositoryRoot}/src/Search.Indexer -- <your corpus> --index {index} --rebuild", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(index).Select(Path.GetFileName).Order().ToList());
        Assert.Equal(bytes, File.ReadAllBytes(segment));
    }
}
