using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Api.Metrics;
using Search.Api.Writes;
using Search.Cluster;
using Search.Cluster.Node;
using Search.Core.Querying;

namespace Search.Api.Cluster;

internal static class ClusterServiceCollectionExtensions
{
    /// <summary>The configuration section of cluster mode.</summary>
    public const string Section = "Search:Cluster";

    /// <summary>
    /// Cluster mode, when <c>Search:Cluster:Nats</c> is set: the node's applier in the background, and writes through
    /// the log (<see cref="ClusterArticleStore"/>) instead of the index (<see cref="ArticleStore"/>). Without it nothing
    /// is registered and the service is the single node it always was.
    /// </summary>
    public static IServiceCollection AddSearchCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ClusterSettings>(configuration.GetSection(Section));
        if (!IsEnabled(configuration))
        {
            services.AddSingleton<IArticleWrites>(provider => provider.GetRequiredService<ArticleStore>());
            return services;
        }

        services.AddSingleton(provider =>
        {
            var searcher = provider.GetRequiredService<ArticleSearcher>();
            var metrics = provider.GetRequiredService<SearchMetrics>();
            return new StreamApplier(
                provider.GetRequiredService<IOptions<ClusterSettings>>().Value,
                provider.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath,
                outcomes =>
                {
                    // Searchable before the writers waiting for these messages are answered.
                    searcher.RefreshNow();
                    metrics.Refreshed();
                    metrics.Applied(outcomes);
                },
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<StreamApplier>());
        });
        services.AddSingleton(provider => new NodeWrites(provider.GetRequiredService<StreamApplier>(), provider.GetRequiredService<IOptions<ClusterSettings>>().Value));
        services.AddSingleton<IArticleWrites, ClusterArticleStore>();
        services.AddHostedService<ClusterNode>();
        return services;
    }

    /// <summary>True when <c>Search:Cluster:Nats</c> is set.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<ClusterSettings>() ?? new ClusterSettings()).Enabled;
}
