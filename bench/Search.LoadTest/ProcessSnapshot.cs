using System.Globalization;

namespace Search.LoadTest;

/// <summary>One reading of a process's memory, threads and CPU time from <c>/proc</c> (Linux only).</summary>
/// <param name="RssKiB">Resident memory now (<c>VmRSS</c>).</param>
/// <param name="HwmKiB">Peak resident memory since the process started (<c>VmHWM</c>).</param>
/// <param name="Threads">Threads of the process.</param>
/// <param name="CpuSeconds">User plus system CPU time since the process started.</param>
internal sealed record ProcessSnapshot(long RssKiB, long HwmKiB, int Threads, double CpuSeconds)
{
    // USER_HZ: the unit of /proc/<pid>/stat times; 100 on every mainstream Linux build.
    private const double ClockTicksPerSecond = 100;

    /// <summary>Reads <c>/proc/&lt;pid&gt;/status</c> and <c>/proc/&lt;pid&gt;/stat</c>; null when the process is gone or this is not Linux.</summary>
    public static ProcessSnapshot? TryRead(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Number(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Number(line);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = (int)Number(line);
                }
            }

            // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are fields 14 and 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessSnapshot(rss, hwm, threads, ticks / ClockTicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static long Number(string line) =>
        long.Parse(line.Split(' ', '\t').Where(part => part.Length > 0).ElementAt(1), CultureInfo.InvariantCulture);
}
