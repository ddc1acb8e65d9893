namespace Search.LoadTest;

/// <summary>The parsed command line of one load run.</summary>
/// <param name="BaseAddress">The API's address, or null to pick a free port for an API the tool starts.</param>
/// <param name="QueryFile">The peers' query file.</param>
/// <param name="Clients">Concurrent closed-loop clients.</param>
/// <param name="Duration">How long the measured run lasts, unless <paramref name="Requests"/> is given.</param>
/// <param name="Requests">How many requests the measured run sends, or null to run for <paramref name="Duration"/>.</param>
/// <param name="Warmup">How long the untimed warm-up lasts (zero for none).</param>
/// <param name="MonthShare">The share of requests (0..1) that filter on the query's month.</param>
/// <param name="Timeout">How long one request may take before it counts as a timeout.</param>
/// <param name="Pid">The API's process to read memory from, or null.</param>
/// <param name="IndexPath">When set, the tool starts the API on this index itself (and measures that process).</param>
/// <param name="ApiDll">The API build the tool starts with <paramref name="IndexPath"/>.</param>
/// <param name="ApiLog">Where the started API's output goes.</param>
/// <param name="JsonFile">Where to write the report as JSON, or null.</param>
internal sealed record LoadSettings(
    Uri? BaseAddress,
    string QueryFile,
    int Clients,
    TimeSpan Duration,
    long? Requests,
    TimeSpan Warmup,
    double MonthShare,
    TimeSpan Timeout,
    int? Pid,
    string? IndexPath,
    string ApiDll,
    string ApiLog,
    string? JsonFile);
