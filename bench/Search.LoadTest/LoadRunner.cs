using System.Diagnostics;

namespace Search.LoadTest;

/// <summary>
/// Closed-loop clients: each sends one request, reads the whole response, records it and sends the next, so at most
/// <c>clients</c> requests are in flight. The clients share one sequence, so together they walk the plan in order.
/// </summary>
internal sealed class LoadRunner(HttpClient http, RequestPlan plan, int clients)
{
    private long _sequence = -1;

    /// <summary>Runs until <paramref name="duration"/> has passed or <paramref name="requests"/> were sent, whichever is given.</summary>
    public async Task<PhaseResult> RunAsync(TimeSpan? duration, long? requests, CancellationToken cancellationToken)
    {
        // Each phase starts where the previous one stopped, so the measured run does not replay only the warm-up's queries.
        var first = Interlocked.Read(ref _sequence) + 1;
        var start = Stopwatch.GetTimestamp();
        var deadline = duration is { } d ? start + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var last = requests is { } n ? first + n - 1 : long.MaxValue;
        var tallies = Enumerable.Range(0, clients).Select(_ => new ClientTally()).ToArray();
        await Task.WhenAll(tallies.Select(tally => Task.Run(() => ClientAsync(tally, deadline, last, cancellationToken), cancellationToken)));
        return new PhaseResult(Stopwatch.GetElapsedTime(start), tallies);
    }

    private async Task ClientAsync(ClientTally tally, long deadline, long last, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            if (sequence > last)
            {
                return;
            }

            var path = plan.PathOf(sequence);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                tally.AddResponse((int)response.StatusCode, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, body);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout ends a request with TaskCanceledException; only the user's Ctrl+C stops the run.
                tally.AddException("timeout", $"{path}: no response within {http.Timeout.TotalSeconds:F0} s ({e.Message})");
            }
            catch (HttpRequestException e)
            {
                tally.AddException(e.HttpRequestError == HttpRequestError.Unknown ? nameof(HttpRequestException) : e.HttpRequestError.ToString(), $"{path}: {e.Message}");
            }
        }
    }
}
