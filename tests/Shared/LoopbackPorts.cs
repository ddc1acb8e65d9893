using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Search.Tests.Shared;

/// <summary>
/// Loopback ports for servers the tests start (nats-server, a search node). A port the kernel hands out for port 0
/// comes from the ephemeral range, the same range every outgoing connection takes its local port from, so between
/// the probe and the server's bind another test's connection can take it ("address already in use", seen in CI).
/// These ports come from below that range, at random, are probed with a bind, and are never handed out twice by one
/// test process.
/// </summary>
internal static class LoopbackPorts
{
    private const int Lowest = 20_000;
    private static readonly HashSet<int> Given = [];
    private static readonly int Highest = EphemeralRangeStart() - 1;

    /// <summary>A port on 127.0.0.1 that nothing listens on now and no outgoing connection is given.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest + 1);
            lock (Given)
            {
                if (!Given.Add(port))
                {
                    continue;
                }
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try another.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    // Linux says where outgoing connections' ports start; 32768 is its default and a safe guess elsewhere.
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0],
                NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
            && start > Lowest + 1_000)
        {
            return start;
        }

        return 32_768;
    }
}
