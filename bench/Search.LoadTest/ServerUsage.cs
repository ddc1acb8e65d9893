namespace Search.LoadTest;

/// <summary>What the API process used, read from <c>/proc</c>.</summary>
/// <param name="Pid">The process.</param>
/// <param name="RssBeforeMiB">Resident memory before the warm-up.</param>
/// <param name="RssMaxMiB">The highest sampled resident memory during the measured run.</param>
/// <param name="RssAfterMiB">Resident memory right after the measured run.</param>
/// <param name="HwmMiB">Peak resident memory since the process started (<c>VmHWM</c>, start-up included).</param>
/// <param name="Samples">Memory samples taken during the measured run.</param>
/// <param name="MaxThreads">The most threads seen during the measured run.</param>
/// <param name="CpuSeconds">CPU time (user + system) the API used during the measured run.</param>
/// <param name="CpuMsPerRequest"><paramref name="CpuSeconds"/> per request, in ms: less sensitive to a busy machine than latency.</param>
internal sealed record ServerUsage(
    int Pid, double RssBeforeMiB, double RssMaxMiB, double RssAfterMiB, double HwmMiB, int Samples, int MaxThreads, double CpuSeconds, double CpuMsPerRequest);
