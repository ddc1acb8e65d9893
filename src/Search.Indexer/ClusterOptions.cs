using System.CommandLine;
using Search.Cluster;

namespace Search.Indexer;

/// <summary>The options of the cluster commands (<c>publish</c>, <c>snapshot</c>, <c>restore</c>) and how they report NATS failing.</summary>
internal static class ClusterOptions
{
    /// <summary>The client name the indexer shows in the NATS servers' connection lists.</summary>
    public const string ClientName = "search-indexer";

    public static Option<string> Nats() => new("--nats")
    {
        Description = "Comma-separated NATS URLs of the cluster, e.g. nats://127.0.0.1:4222,nats://127.0.0.1:4223,nats://127.0.0.1:4224",
        Required = true,
    };

    public static Option<int> Replicas(string what)
    {
        var replicas = new Option<int>("--replicas")
        {
            Description = $"Replicas of {what} when it does not exist yet (1, 3 or 5; 3 survives the loss of any one server); an existing one is left as it is",
            DefaultValueFactory = _ => new ClusterSettings().Replicas,
        };
        replicas.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 5)
            {
                result.AddError("--replicas must be between 1 and 5.");
            }
        });
        return replicas;
    }

    /// <summary>How long snapshot and restore wait for a server when all of them are gone.</summary>
    public static readonly TimeSpan DisconnectLimit = TimeSpan.FromSeconds(15);

    /// <summary>Says that NATS failed, where, and what to do; returns <see cref="ExitCodes.ClusterUnavailable"/>.</summary>
    /// <param name="urls">The NATS URLs that were given.</param>
    /// <param name="e">What NATS.Net threw.</param>
    /// <param name="what">What did not happen, e.g. "could not connect".</param>
    public static int Unavailable(string urls, Exception e, string what) => Unavailable(urls, e.Message, what);

    /// <summary>As <see cref="Unavailable(string, Exception, string)"/>, when the problem is no exception of NATS.Net's.</summary>
    public static int Unavailable(string urls, string problem, string what)
    {
        Console.Error.WriteLine(
            $"Error: {what}: NATS at {urls}: {problem.TrimEnd('.')}. Check that nats-server runs there with JetStream " +
            "(a cluster needs most of its servers up), or pass the right --nats.");
        return ExitCodes.ClusterUnavailable;
    }

    /// <summary>What <see cref="Unavailable(string, string, string)"/> says when the servers went away during a command.</summary>
    public static string Gone => $"no server reachable for {DisconnectLimit.TotalSeconds:N0} s";
}
