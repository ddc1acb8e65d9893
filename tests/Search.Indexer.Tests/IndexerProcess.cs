using System.Diagnostics;

namespace Search.Indexer.Tests;

/// <summary>
/// The indexer CLI running as a real child process (<c>dotnet Search.Indexer.dll ... --index dir</c>) with its output
/// captured line by line, so a test can wait for a line, kill it with SIGKILL, or wait for its exit with a timeout.
/// </summary>
public sealed class IndexerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly List<string> _lines = [];
    private readonly object _gate = new(); // a Monitor, not a Lock: WaitForLine needs Wait/PulseAll
    private int _openStreams = 2;

    private IndexerProcess(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
    }

    /// <summary>The indexer's dll, copied into the test output by the project reference.</summary>
    public static string IndexerDll => Path.Combine(AppContext.BaseDirectory, "Search.Indexer.dll");

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything written to stdout and stderr so far (stderr lines start with <c>stderr: </c>).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public static IndexerProcess Start(string indexPath, params string[] inputs) => Start(indexPath, TimeSpan.FromSeconds(1), inputs);

    /// <summary>Starts the indexer with its own commit interval (whole seconds).</summary>
    public static IndexerProcess Start(string indexPath, TimeSpan commitInterval, params string[] inputs) =>
        // By default every second, so kills also land between periodic commits of one run.
        StartWith([.. inputs, "--commit-interval", ((int)commitInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "--index", indexPath]);

    /// <summary>Starts the indexer with exactly these arguments (a maintenance command such as <c>merge</c>).</summary>
    public static IndexerProcess StartWith(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(IndexerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = start };
        var indexer = new IndexerProcess(process, new Stopwatch());
        process.OutputDataReceived += (_, e) => indexer.Receive(e.Data, "");
        process.ErrorDataReceived += (_, e) => indexer.Receive(e.Data, "stderr: ");
        indexer._clock.Start();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return indexer;
    }

    /// <summary>
    /// Waits until a line matching <paramref name="predicate"/> is printed; returns it, or null when the process closed
    /// its output (exited) or the timeout passed first.
    /// </summary>
    public string? WaitForLine(Func<string, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = Stopwatch.StartNew();
        var checkedLines = 0;
        lock (_gate)
        {
            while (true)
            {
                for (; checkedLines < _lines.Count; checkedLines++)
                {
                    if (predicate(_lines[checkedLines]))
                    {
                        return _lines[checkedLines];
                    }
                }

                var remaining = timeout - deadline.Elapsed;
                if (_openStreams == 0 || remaining <= TimeSpan.Zero)
                {
                    return null;
                }

                Monitor.Wait(_gate, remaining);
            }
        }
    }

    /// <summary>Sends SIGKILL to the indexer (and anything it started) and waits until it is gone.</summary>
    /// <returns>False when the process had already exited by itself.</returns>
    public bool Kill()
    {
        if (_process.HasExited)
        {
            return false;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            return false; // it exited between the check and the kill
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException($"The indexer (pid {_process.Id}) did not die within 10 s of SIGKILL.");
        }

        return true;
    }

    /// <summary>Waits for the indexer to exit and returns its exit code; a hang is killed and reported as a failure.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException(
                $"The indexer did not exit within {timeout.TotalSeconds:N0} s and was killed. Output:\n{string.Join('\n', Output)}");
        }

        _process.WaitForExit(); // lets the asynchronous output readers drain
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Receive(string? line, string prefix)
    {
        lock (_gate)
        {
            if (line is null)
            {
                _openStreams--;
            }
            else
            {
                _lines.Add(prefix + line);
            }

            Monitor.PulseAll(_gate);
        }
    }
}
