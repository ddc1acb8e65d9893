using NATS.Client.Core;

namespace Search.Cluster;

/// <summary>
/// A cancellation that fires when a connection has been without a server for longer than a limit. NATS.Net holds every
/// call while it reconnects, and reconnects for as long as it takes, so a command whose servers all died would wait
/// forever; with this token its calls end instead, and <see cref="GaveUp"/> says why.
/// </summary>
public sealed class DisconnectWatch : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(250);

    private readonly INatsConnection _connection;
    private readonly TimeSpan _limit;
    private readonly CancellationTokenSource _source;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private DateTime? _downSince;
    private bool _disposed;

    /// <param name="connection">The connection to watch.</param>
    /// <param name="limit">How long it may be without a server.</param>
    /// <param name="cancellationToken">Also ends the token (Ctrl+C).</param>
    public DisconnectWatch(INatsConnection connection, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        _connection = connection;
        _limit = limit;
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = new Timer(_ => Check(), null, CheckEvery, CheckEvery);
    }

    /// <summary>Cancelled once the connection has been down for the limit (or the given token was cancelled).</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True when the token was cancelled because the servers were gone.</summary>
    public bool GaveUp { get; private set; }

    private void Check()
    {
        // A tick may still run after Dispose (a timer does not wait for its callbacks): the lock and flag keep it off
        // the disposed source.
        lock (_gate)
        {
            if (_disposed || GaveUp)
            {
                return;
            }

            if (_connection.ConnectionState == NatsConnectionState.Open)
            {
                _downSince = null;
                return;
            }

            _downSince ??= DateTime.UtcNow;
            if (DateTime.UtcNow - _downSince >= _limit)
            {
                GaveUp = true;
                _source.Cancel();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
        _source.Dispose();
    }
}
