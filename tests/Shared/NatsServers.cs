using System.Diagnostics;
using System.Globalization;

namespace Search.Tests.Shared;

/// <summary>
/// Real <c>nats-server</c> processes with JetStream on loopback ports: one, or three as a JetStream cluster (Raft,
/// so a stream with 3 replicas survives one of them dying). Each server keeps its store in a temp folder, so a server
/// killed with SIGKILL and started again comes back with what it had stored. Needs Debian's <c>nats-server</c> on the
/// PATH (<c>.ci/run</c> installs it); the tests fail, never skip, without it.
/// </summary>
internal sealed class NatsServers : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process?[] _processes;
    private readonly int[] _clientPorts;
    private readonly int[] _routePorts;
    private readonly int[] _monitorPorts;

    private NatsServers(string folder, int count)
    {
        _folder = folder;
        _processes = new Process?[count];
        _clientPorts = [.. Enumerable.Range(0, count).Select(_ => LoopbackPorts.Free())];
        _routePorts = [.. Enumerable.Range(0, count).Select(_ => LoopbackPorts.Free())];
        _monitorPorts = [.. Enumerable.Range(0, count).Select(_ => LoopbackPorts.Free())];
    }

    /// <summary>The number of servers.</summary>
    public int Count => _processes.Length;

    /// <summary>Every server's client URL, comma-separated, as <c>Search:Cluster:Nats</c> takes them.</summary>
    public string Urls => string.Join(",", Enumerable.Range(0, Count).Select(Url));

    /// <summary>The client URL of server <paramref name="index"/>.</summary>
    public string Url(int index) => $"nats://127.0.0.1:{_clientPorts[index]}";

    /// <summary>
    /// Starts <paramref name="count"/> servers (1 or 3) and waits until JetStream answers on every one. A server that
    /// exits at once (a port taken after it was picked) is started again with all servers on fresh ports, twice at most.
    /// </summary>
    public static async Task<NatsServers> StartAsync(int count = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            var servers = new NatsServers(TestCorpus.CreateTempFolder("nats"), count);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    servers.Start(i);
                }

                for (var i = 0; i < count; i++)
                {
                    await servers.WaitUntilReadyAsync(i).ConfigureAwait(false);
                }

                return servers;
            }
            catch (InvalidOperationException) when (attempt < 3 && servers.AnyExited)
            {
                await servers.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await servers.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private bool AnyExited => _processes.Any(process => process is { HasExited: true });

    /// <summary>Kills server <paramref name="index"/> with SIGKILL: no shutdown, no flush.</summary>
    public void Kill(int index)
    {
        var process = _processes[index] ?? throw new InvalidOperationException($"nats-server {index} is not running.");
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
        process.Dispose();
        _processes[index] = null;
    }

    /// <summary>Starts server <paramref name="index"/> again on its ports and store, and waits until it answers.</summary>
    public async Task RestartAsync(int index)
    {
        Start(index);
        await WaitUntilReadyAsync(index).ConfigureAwait(false);
    }

    private void Start(int index)
    {
        var name = $"n{index}";
        var store = Path.Combine(_folder, name);
        Directory.CreateDirectory(store);
        var config = Path.Combine(_folder, name + ".conf");
        var routes = string.Join(", ", Enumerable.Range(0, Count).Where(i => i != index).Select(i => $"nats-route://127.0.0.1:{_routePorts[i]}"));
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            server_name: {{name}}
            listen: 127.0.0.1:{{_clientPorts[index]}}
            http: 127.0.0.1:{{_monitorPorts[index]}}
            jetstream { store_dir: "{{store}}" }
            {{(Count > 1 ? $"cluster {{ name: search-test, listen: 127.0.0.1:{_routePorts[index]}, routes: [{routes}] }}" : "")}}
            """));
        var start = new ProcessStartInfo("nats-server", ["-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("nats-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "These tests need Debian's nats-server (2.9, with JetStream) on the PATH: 'apt-get install nats-server', as .ci/run does.", e);
        }

        // Drain the logs so the server never blocks on a full pipe; keep them in the store folder for a failed test.
        var log = Path.Combine(_folder, name + ".log");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes[index] = process;
    }

    private static void Append(string log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                File.AppendAllText(log, line + Environment.NewLine);
            }
        }
    }

    // Ready when the server's health endpoint says so: it answers 200 only once JetStream is up and, in a cluster,
    // a meta leader is elected and this server's streams are current.
    private async Task WaitUntilReadyAsync(int index)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var said = "";
        while (DateTime.UtcNow < deadline && _processes[index] is { HasExited: false })
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_monitorPorts[index]}/healthz")).ConfigureAwait(false);
                said = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                said = e.Message;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        var log = Path.Combine(_folder, $"n{index}.log");
        throw new InvalidOperationException(
            $"nats-server {index} was not healthy within 30 s on port {_clientPorts[index]} ({said}): {(File.Exists(log) ? File.ReadAllText(log) : "no log")}");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _processes.Length; i++)
        {
            if (_processes[i] is { } process)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    await process.WaitForExitAsync().ConfigureAwait(false);
                }

                process.Dispose();
                _processes[i] = null;
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
