using System.Text.Json.Serialization;
using Search.Api.Contracts;
using Search.Api.Endpoints;
using Search.Api.Errors;
using Search.Api.Hosting;
using Search.Api.Limits;
using Search.Api.Metrics;
using Search.Api.OpenApi;
using Search.Api.Security;
using Search.Api.ServedIndex;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and the web page ship in the build output, so the service finds them from any working
    // folder; relative index and seeds paths resolve against the repository root inside the repository (RepositoryPaths).
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Services.AddSearchEngine(builder.Configuration);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCodes.AddMissing);
builder.Services.AddExceptionHandler<SearchExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    // Numbers are numbers: the OpenAPI document then says "integer", not "integer or string".
    options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    // Generated writers for the read responses first; everything else falls through to reflection as before.
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
});
builder.Services.AddApiReference();
builder.Services.AddCrossOrigin();
builder.Services.AddRequestLimits();
builder.Services.AddTelemetry();

var app = builder.Build();

if (!IndexStartup.OpensAtStartup(app.Services, app.Logger))
{
    // Disposing the host flushes the console logger's queue, so the message saying how to fix it is printed before
    // the process ends, every time.
    await app.DisposeAsync();
    return 1;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseCors(CrossOrigin.Policy);
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRequestLimits();

app.MapApiReference();
app.MapSearch();
app.MapSuggest();
app.MapArticles();
app.MapArticleWrites();
app.MapHealth();
app.MapTelemetry();

app.Run();
return 0;

/// <summary>The API's entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
