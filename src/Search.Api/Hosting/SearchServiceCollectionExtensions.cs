using Microsoft.Extensions.Options;
using Search.Core.Querying;

namespace Search.Api.Hosting;

internal static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the options, the one shared <see cref="ArticleSearcher"/> and its refresher.</summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton(provider => IndexStartup.Open(
            provider.GetRequiredService<IOptions<SearchOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IndexStartup).FullName!)));
        services.AddSingleton<ArticleStore>();
        services.AddHostedService<IndexRefresher>();
        return services;
    }
}
