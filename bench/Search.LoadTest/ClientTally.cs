namespace Search.LoadTest;

/// <summary>What one client saw; each client has its own, so recording needs no locks.</summary>
internal sealed class ClientTally
{
    private const int MaxSampleLength = 300;

    /// <summary>Client-side latency of every 2xx response, from sending to the last byte, in ms.</summary>
    public List<double> LatencyMs { get; } = [];

    /// <summary>The <c>tookMs</c> the server reported in each 2xx search response.</summary>
    public List<double> ServerTookMs { get; } = [];

    /// <summary>Responses by HTTP status code.</summary>
    public Dictionary<int, long> Statuses { get; } = [];

    /// <summary>Requests that got no response, by exception type (timeouts as <c>timeout</c>).</summary>
    public Dictionary<string, long> Exceptions { get; } = [];

    /// <summary>The first body or message of each non-2xx status and each exception type, cut short.</summary>
    public Dictionary<string, string> Samples { get; } = [];

    /// <summary>2xx responses that said <c>"partial": true</c> (the query ran out of its time budget).</summary>
    public long Partial { get; set; }

    /// <summary>2xx responses whose body was not the expected JSON.</summary>
    public long BadBodies { get; set; }

    /// <summary>Bytes of all response bodies.</summary>
    public long Bytes { get; set; }

    public void AddResponse(int status, double milliseconds, byte[] body)
    {
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        Bytes += body.Length;
        if (status is >= 200 and < 300)
        {
            LatencyMs.Add(milliseconds);
            if (ResponseFields.TryRead(body, out var tookMs, out var partial))
            {
                ServerTookMs.Add(tookMs);
                Partial += partial ? 1 : 0;
            }
            else
            {
                BadBodies++;
                Sample("bad body", System.Text.Encoding.UTF8.GetString(body));
            }
        }
        else
        {
            Sample(status.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString(body));
        }
    }

    public void AddException(string kind, string message)
    {
        Exceptions[kind] = Exceptions.GetValueOrDefault(kind) + 1;
        Sample(kind, message);
    }

    private void Sample(string key, string text) =>
        Samples.TryAdd(key, text.Length > MaxSampleLength ? text[..MaxSampleLength] + "…" : text);
}
