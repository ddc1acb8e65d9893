using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Search.Tests.Shared;

namespace Search.Cluster.Tests;

/// <summary>
/// The API in cluster mode as a real child process (<c>dotnet Search.Api.dll</c>) on a fixed loopback port, over its own
/// index folder, so a test can kill it with SIGKILL and start it again on the same port, index and node name.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    public const string AdminKey = "cluster-admin-key-0c6f1e";

    private readonly string _natsUrls;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<string> _output = [];
    private Process? _process;

    private NodeProcess(string natsUrls, string name, string indexPath, IReadOnlyDictionary<string, string> settings)
    {
        _natsUrls = natsUrls;
        _settings = settings;
        Name = name;
        IndexPath = indexPath;
        BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public string Name { get; }

    public string IndexPath { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client with the admin key.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the process wrote so far (stderr lines start with <c>stderr: </c>).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts a node over a new index folder (or <paramref name="indexPath"/>) and waits until it answers.</summary>
    public static async Task<NodeProcess> StartAsync(string natsUrls, string name, string? indexPath = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var node = new NodeProcess(natsUrls, name, indexPath ?? Path.Combine(TestCorpus.CreateTempFolder("node"), "index"), settings ?? new Dictionary<string, string>());
        await node.StartAsync().ConfigureAwait(false);
        return node;
    }

    /// <summary>Starts the process (again) and waits until <c>/health/live</c> answers.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Search.Api.dll"));
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Workstation GC: several nodes and three NATS servers share two cores in these tests.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Search__IndexPath"] = IndexPath;
        start.Environment["Search__AdminKey"] = AdminKey;
        start.Environment["Search__WarmUpSeconds"] = "0";
        start.Environment["Search__Cluster__Nats"] = _natsUrls;
        start.Environment["Search__Cluster__Node"] = Name;
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Receive(e.Data, "");
        process.ErrorDataReceived += (_, e) => Receive(e.Data, "stderr: ");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited with {process.ExitCode} before it answered:\n{Output}");
            }

            try
            {
                using var live = await Client.GetAsync(new Uri("health/live", UriKind.Relative)).ConfigureAwait(false);
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"Node {Name} did not answer within 60 s:\n{Output}");
    }

    /// <summary>Kills the node with SIGKILL: no shutdown, no flush, no last commit.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>The node's <c>/health</c> answer.</summary>
    public async Task<Health> HealthAsync()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri("health", UriKind.Relative)).ConfigureAwait(false));
        var root = document.RootElement;
        var cluster = root.GetProperty("cluster");
        return new Health(root.GetProperty("articles").GetInt32(), cluster.GetProperty("appliedSequence").GetInt64(),
            cluster.GetProperty("streamSequence").GetInt64(), cluster.GetProperty("lag").GetInt64(), cluster.GetProperty("connected").GetBoolean());
    }

    /// <summary>Waits until the node has applied the stream up to <paramref name="sequence"/>; returns its health then.</summary>
    public async Task<Health> WaitUntilAppliedAsync(ulong sequence, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Health health;
        do
        {
            health = await HealthAsync().ConfigureAwait(false);
            if ((ulong)health.AppliedSequence >= sequence)
            {
                return health;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
        while (clock.Elapsed < timeout);

        throw new TimeoutException($"Node {Name} applied {health.AppliedSequence} of {sequence} within {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Waits until the node reads the stream (connected) and has applied it up to <paramref name="sequence"/>.</summary>
    public async Task<Health> WaitUntilConnectedAsync(ulong sequence, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var health = await WaitUntilAppliedAsync(sequence, timeout).ConfigureAwait(false);
        while (!health.Connected)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Node {Name} did not connect within {timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(50).ConfigureAwait(false);
            health = await HealthAsync().ConfigureAwait(false);
        }

        return health;
    }

    /// <summary>The total of a search on this node.</summary>
    public async Task<int> SearchTotalAsync(string query)
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri($"api/search?q={Uri.EscapeDataString(query)}&size=1", UriKind.Relative))
            .ConfigureAwait(false));
        return document.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Puts an article; returns the response.</summary>
    public Task<HttpResponseMessage> PutAsync(string id, string title, string body) =>
        Client.PutAsync(new Uri($"api/articles/{Uri.EscapeDataString(id)}", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { title, date = "2021-06-01", body }), System.Text.Encoding.UTF8, "application/json"));

    /// <summary>The article's body on this node, or null when it has none with this id.</summary>
    public async Task<string?> BodyOfAsync(string id)
    {
        using var response = await Client.GetAsync(new Uri($"api/articles/{Uri.EscapeDataString(id)}", UriKind.Relative)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return document.RootElement.GetProperty("body").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process?.Dispose();
        Client.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(IndexPath)!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private void Receive(string? line, string prefix)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(prefix + line);
            }
        }
    }

    /// <summary>What <c>/health</c> says about a node.</summary>
    public sealed record Health(int Articles, long AppliedSequence, long StreamSequence, long Lag, bool Connected)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Articles} articles, applied {AppliedSequence} of {StreamSequence} (lag {Lag}), {(Connected ? "connected" : "not connected")}");
    }
}
