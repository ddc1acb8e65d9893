using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Search.Bench;

namespace Search.LoadTest;

/// <summary>
/// The command line: <c>[--url U | --index DIR] [--pid P] [--queries file.tsv] [--clients 8] [--duration 30] [--requests N]
/// [--warmup 10] [--month-share 0.25] [--json file]</c>.
/// </summary>
internal static class LoadCommand
{
    private const int Success = 0;
    private const int BadArguments = 1;
    private const int ApiUnavailable = 2;
    private const int RequestsFailed = 3;

    private const string DefaultUrl = "http://127.0.0.1:5000/";

    public static RootCommand Create()
    {
        var url = new Option<string?>("--url", "-u")
        {
            Description = $"The running API's address (default {DefaultUrl}; with --index a free port on 127.0.0.1)",
        };
        var queries = new Option<string>("--queries", "-q")
        {
            Description = "The peers' query file: one query per line, optionally <TAB>YYYY-MM",
            DefaultValueFactory = _ => RepositoryFolders.SharedFile(Path.Combine("peers", "queries", "de-news.tsv")),
        };
        var clients = new Option<int>("--clients", "-c") { Description = "Concurrent closed-loop clients (one connection each)", DefaultValueFactory = _ => 8 };
        var duration = new Option<double>("--duration", "-d") { Description = "Seconds of the measured run", DefaultValueFactory = _ => 30 };
        var requests = new Option<long?>("--requests", "-n") { Description = "Requests of the measured run (instead of --duration)" };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of untimed warm-up before the measured run (0 for none)", DefaultValueFactory = _ => 10 };
        var monthShare = new Option<double>("--month-share")
        {
            Description = "Share of requests (0..1) that add &month= with the query's month from the file",
            DefaultValueFactory = _ => 0,
        };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one request may take before it counts as a timeout", DefaultValueFactory = _ => 30 };
        var pid = new Option<int?>("--pid") { Description = "The API's process id, to sample its memory (VmRSS, VmHWM), threads and CPU from /proc" };
        var index = new Option<string?>("--index") { Description = "Start the API (Release build) on this index, measure it and stop it afterwards" };
        var api = new Option<string>("--api")
        {
            Description = "The API build to start with --index",
            DefaultValueFactory = _ => Path.Combine(RepositoryFolders.Root(), "src", "Search.Api", "bin", "Release", "net10.0", "Search.Api.dll"),
        };
        var apiLog = new Option<string>("--api-log")
        {
            Description = "Where the output of the API started with --index goes",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "search-load-api.log"),
        };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };

        var command = new RootCommand(
            "HTTP load on the search API: N closed-loop clients send the peers' queries for a duration after a warm-up; " +
            "prints requests/s, latency p50/p95/p99/max, errors by status and the server's memory as markdown.")
        {
            url, queries, clients, duration, requests, warmup, monthShare, timeout, pid, index, api, apiLog, json,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var address = parsed.GetValue(url);
            if (address is not null && !Uri.TryCreate(address.EndsWith('/') ? address : address + "/", UriKind.Absolute, out _))
            {
                Console.Error.WriteLine($"Error: --url '{address}' is not an absolute http address, e.g. {DefaultUrl}");
                return Task.FromResult(BadArguments);
            }

            return RunAsync(
                new LoadSettings(
                    address is null ? null : new Uri(address.EndsWith('/') ? address : address + "/"),
                    parsed.GetRequiredValue(queries),
                    parsed.GetValue(clients),
                    TimeSpan.FromSeconds(parsed.GetValue(duration)),
                    parsed.GetValue(requests),
                    TimeSpan.FromSeconds(parsed.GetValue(warmup)),
                    parsed.GetValue(monthShare),
                    TimeSpan.FromSeconds(parsed.GetValue(timeout)),
                    parsed.GetValue(pid),
                    parsed.GetValue(index),
                    parsed.GetRequiredValue(api),
                    parsed.GetRequiredValue(apiLog),
                    parsed.GetValue(json)),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        if (Problem(settings) is { } problem)
        {
            Console.Error.WriteLine($"Error: {problem}");
            return BadArguments;
        }

        var plan = new RequestPlan(LoadQueryFile.Read(settings.QueryFile), settings.MonthShare);
        ApiProcess? started = null;
        try
        {
            var baseAddress = settings.BaseAddress ?? new Uri(DefaultUrl);
            var pid = settings.Pid;
            if (settings.IndexPath is not null)
            {
                Console.Error.WriteLine($"Starting {settings.ApiDll} on {settings.IndexPath} (log: {settings.ApiLog}) …");
                started = await ApiProcess.StartAsync(settings.ApiDll, settings.IndexPath, settings.BaseAddress, settings.ApiLog, TimeSpan.FromMinutes(3), cancellationToken);
                baseAddress = started.BaseAddress;
                pid = started.Pid;
            }

            using var http = CreateClient(baseAddress, settings.Clients, settings.Timeout);
            var articles = await HealthAsync(http, cancellationToken);
            if (articles is null)
            {
                Console.Error.WriteLine($"Error: {baseAddress}health did not answer 200. Start the API first (bench/tools/http-load.sh does), or pass --index.");
                return ApiUnavailable;
            }

            var report = await MeasureAsync(settings, plan, http, baseAddress, articles, pid, cancellationToken);
            Console.Write(ReportTable.Format(report));
            if (settings.JsonFile is not null)
            {
                ReportFile.Write(settings.JsonFile, report);
                Console.Error.WriteLine($"Wrote {settings.JsonFile}");
            }

            return report.Latency.N == 0 ? RequestsFailed : Success;
        }
        catch (InvalidOperationException e) when (started is null && settings.IndexPath is not null)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ApiUnavailable;
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    private static async Task<LoadReport> MeasureAsync(
        LoadSettings settings, RequestPlan plan, HttpClient http, Uri baseAddress, int? articles, int? pid, CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        await using var sampler = pid is { } id ? new MemorySampler(id, TimeSpan.FromMilliseconds(200)) : null;
        var before = pid is { } p ? ProcessSnapshot.TryRead(p) : null;
        var runner = new LoadRunner(http, plan, settings.Clients);

        var warmup = settings.Warmup > TimeSpan.Zero
            ? await runner.RunAsync(settings.Warmup, null, cancellationToken)
            : new PhaseResult(TimeSpan.Zero, []);
        Console.Error.WriteLine($"Warm-up: {warmup.Requests:N0} requests in {warmup.Elapsed.TotalSeconds:F1} s; measuring {(settings.Requests is { } n ? $"{n:N0} requests" : $"{settings.Duration.TotalSeconds:F0} s")} …");

        sampler?.Reset();
        var serverStart = pid is { } p1 ? ProcessSnapshot.TryRead(p1) : null;
        var clientStart = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await runner.RunAsync(settings.Requests is null ? settings.Duration : null, settings.Requests, cancellationToken);
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientStart).TotalSeconds;
        var serverEnd = pid is { } p2 ? ProcessSnapshot.TryRead(p2) : null;

        var tallies = run.Tallies;
        var requests = run.Requests;
        ServerUsage? server = null;
        if (pid is { } processId && before is not null && serverStart is not null && serverEnd is not null && sampler is not null)
        {
            var cpu = serverEnd.CpuSeconds - serverStart.CpuSeconds;
            server = new ServerUsage(processId, MiB(before.RssKiB), MiB(Math.Max(sampler.MaxRssKiB, serverEnd.RssKiB)), MiB(serverEnd.RssKiB), MiB(serverEnd.HwmKiB),
                sampler.Samples, Math.Max(sampler.MaxThreads, serverEnd.Threads), cpu, requests > 0 ? cpu * 1000 / requests : double.NaN);
        }

        return new LoadReport(
            baseAddress.ToString(),
            articles,
            plan.Queries,
            settings.MonthShare,
            settings.Clients,
            warmup.Requests,
            warmup.Elapsed.TotalSeconds,
            run.Elapsed.TotalSeconds,
            requests,
            requests / run.Elapsed.TotalSeconds,
            LatencySummary.From(tallies.SelectMany(tally => tally.LatencyMs)),
            LatencySummary.From(tallies.SelectMany(tally => tally.ServerTookMs)),
            Merge(tallies.Select(tally => tally.Statuses)),
            Merge(tallies.Select(tally => tally.Exceptions)),
            tallies.SelectMany(tally => tally.Samples).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.First().Value),
            tallies.Sum(tally => tally.Partial),
            tallies.Sum(tally => tally.BadBodies),
            requests > 0 ? (double)tallies.Sum(tally => tally.Bytes) / requests : 0,
            server,
            clientCpu,
            loadBefore,
            LoadAverage());
    }

    private static string? Problem(LoadSettings settings)
    {
        if (!File.Exists(settings.QueryFile))
        {
            return $"--queries '{settings.QueryFile}' does not exist. Pass the peers' file, e.g. ../shared/peers/queries/de-news.tsv";
        }

        if (settings.Clients < 1 || settings.Duration <= TimeSpan.Zero || settings.Requests < 1 || settings.Warmup < TimeSpan.Zero || settings.Timeout <= TimeSpan.Zero)
        {
            return "--clients, --duration, --requests and --timeout must be positive, --warmup zero or more.";
        }

        if (settings.MonthShare is < 0 or > 1)
        {
            return $"--month-share must be between 0 and 1; got {settings.MonthShare}.";
        }

        if (settings.IndexPath is not null && !Directory.Exists(settings.IndexPath))
        {
            return $"--index '{settings.IndexPath}' does not exist. Build one: dotnet run -c Release --project src/Search.Indexer -- ../shared/corpus --index {settings.IndexPath}";
        }

        if (settings.IndexPath is not null && !File.Exists(settings.ApiDll))
        {
            return $"--api '{settings.ApiDll}' does not exist. Build it: dotnet build -c Release src/Search.Api";
        }

        if (settings.IndexPath is not null && settings.Pid is not null)
        {
            return "--pid and --index exclude each other: with --index the tool measures the API it starts.";
        }

        if (settings.Pid is { } pid && ProcessSnapshot.TryRead(pid) is null)
        {
            return $"--pid {pid}: no such process readable under /proc.";
        }

        return null;
    }

    // One connection per client, kept alive: the clients measure the service, not connection set-up.
    private static HttpClient CreateClient(Uri baseAddress, int clients, TimeSpan timeout) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = timeout,
    };

    private static async Task<int?> HealthAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("health", cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.TryGetProperty("articles", out var count) && count.TryGetInt32(out var n) ? n : -1;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static Dictionary<TKey, long> Merge<TKey>(IEnumerable<Dictionary<TKey, long>> counts) where TKey : notnull =>
        counts.SelectMany(count => count).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));

    private static double MiB(long kib) => kib / 1024.0;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
