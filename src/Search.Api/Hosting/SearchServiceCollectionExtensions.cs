using Microsoft.Extensions.Options;
using Search.Api.Cluster;
using Search.Api.Limits;
using Search.Api.Metrics;
using Search.Api.ServedIndex;
using Search.Api.Writes;
using Search.Cluster;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Hosting;

internal static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the options (with the limits), the one shared <see cref="ArticleSearcher"/>, its refresher, its
    /// warm-up in the background, the readiness check that waits for it, and the write path: the index itself, or in
    /// cluster mode (<c>Search:Cluster:Nats</c>) the replicated log and this node's applier.</summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        // Relative folders resolve against the repository root when the service runs inside the repository (from its
        // root, from src/Search.Api or from an IDE alike), else against the working folder.
        services.PostConfigure<SearchOptions>(options =>
        {
            options.IndexPath = RepositoryPaths.Resolve(options.IndexPath);
            options.SeedsPath = RepositoryPaths.Resolve(options.SeedsPath);
        });
        services.AddOptions<SearchLimitsOptions>().Bind(configuration.GetSection(SearchLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var searcher = IndexStartup.Open(
                provider.GetRequiredService<IOptions<SearchOptions>>().Value,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IndexStartup).FullName!),
                provider.GetRequiredService<IOptions<ClusterSettings>>().Value);
            provider.GetRequiredService<IOptions<SearchLimitsOptions>>().Value.ApplyTo(searcher);
            return searcher;
        });
        services.AddSingleton<ArticleStore>();
        services.AddSearchCluster(configuration);
        services.AddSingleton<SearchMetrics>();
        services.AddHostedService<IndexRefresher>();
        services.AddSingleton<IndexReadiness>();
        services.AddHostedService<IndexWarmUp>();
        services.AddHealthChecks().AddCheck<IndexReadyHealthCheck>("index", tags: [IndexReadyHealthCheck.Tag]);
        return services;
    }
}
