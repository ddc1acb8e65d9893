using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Search.LoadTest;

/// <summary>
/// The API started by the load tool on an index: the Release build, on 127.0.0.1, with the per-client rate limit off
/// and no seeds indexed, its output written to a log file. Stopped with SIGTERM (graceful shutdown) when disposed.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ApiProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    /// <summary>Starts the API and waits until <c>/health/ready</c> answers 200 (index open and warmed up).</summary>
    /// <exception cref="InvalidOperationException">The API exited or did not become healthy in time; the message holds the end of its log.</exception>
    public static async Task<ApiProcess> StartAsync(string apiDll, string indexPath, Uri? baseAddress, string logPath, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        baseAddress ??= new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { apiDll, "--urls", baseAddress.GetLeftPart(UriPartial.Authority) },
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Search__IndexPath"] = Path.GetFullPath(indexPath);
        start.Environment["Search__Limits__RequestsPerMinute"] = "0";
        // A mistyped --index must fail, not quietly become an index of the seeds.
        start.Environment["Search__SeedsPath"] = Path.Combine(Path.GetTempPath(), $"no-seeds-{Guid.NewGuid():N}");

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, baseAddress);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < startTimeout)
        {
            if (process.HasExited)
            {
                await api.DisposeAsync();
                throw new InvalidOperationException($"The API exited with code {process.ExitCode} before it was healthy. End of {logPath}:\n{Tail(logPath)}");
            }

            try
            {
                // Ready, not only up: the API warms up in the background, and a load run measures the warmed-up service.
                using var response = await http.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        await api.DisposeAsync();
        throw new InvalidOperationException($"The API was not healthy within {startTimeout.TotalSeconds:F0} s. End of {logPath}:\n{Tail(logPath)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(20));
    }
}
