namespace Search.LoadTest;

/// <summary>What the API process used, read from <c>/proc</c>.</summary>
/// <param name="Pid">The process.</param>
/// <param name="RssBeforeMib">Resident memory before the warm-up.</param>
/// <param name="RssMaxMib">The highest sampled resident memory during the measured run.</param>
/// <param name="RssAfterMib">Resident memory right after the measured run.</param>
/// <param name="HwmMib">Peak resident memory since the process started (<c>VmHWM</c>, start-up included).</param>
/// <param name="Samples">Memory samples taken during the measured run.</param>
/// <param name="MaxThreads">The most threads seen during the measured run.</param>
/// <param name="CpuSeconds">CPU time (user + system) the API used during the measured run.</param>
/// <param name="CpuMsPerRequest"><paramref name="CpuSeconds"/> per request, in ms: less sensitive to a busy machine than latency.</param>
internal sealed record ServerUsage(
    int Pid, double RssBeforeMib, double RssMaxMib, double RssAfterMib, double HwmMib, int Samples, int MaxThreads, double CpuSeconds, double CpuMsPerRequest);
