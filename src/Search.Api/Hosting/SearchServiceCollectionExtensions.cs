using Microsoft.Extensions.Options;
using Search.Core.Querying;

namespace Search.Api.Hosting;

internal static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the options (with the limits), the one shared <see cref="ArticleSearcher"/> and its refresher.</summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddOptions<SearchLimitsOptions>().Bind(configuration.GetSection(SearchLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var searcher = IndexStartup.Open(
                provider.GetRequiredService<IOptions<SearchOptions>>().Value,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IndexStartup).FullName!));
            provider.GetRequiredService<IOptions<SearchLimitsOptions>>().Value.ApplyTo(searcher);
            return searcher;
        });
        services.AddSingleton<ArticleStore>();
        services.AddHostedService<IndexRefresher>();
        return services;
    }
}
