using Microsoft.Extensions.Options;
using Search.Api.Hosting;

namespace Search.Api.Security;

/// <summary>CORS from <c>Search:CorsOrigins</c>: only listed origins may call the API from a browser; none by default.</summary>
internal static class CrossOrigin
{
    public const string Policy = "configured-origins";

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<SearchOptions>>((cors, search) => cors.AddPolicy(Policy, policy => policy
                .WithOrigins([.. search.Value.CorsOrigins])
                .WithMethods("GET", "PUT", "POST", "DELETE")
                .WithHeaders("Authorization", "Content-Type")
                .WithExposedHeaders("Retry-After", "Location")));
        return services;
    }
}
