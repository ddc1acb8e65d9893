using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using Search.Tests.Shared;

namespace Search.Api.Tests;

// Checks: a client that NSwag generates from the live /openapi/v1.json compiles, and through it, against the real pipeline,
// a search finds what the raw API finds, a bad parameter is a 400 and an unknown article a 404 whose code and traceId are
// typed properties (the driver below reads them by name: it would not compile if they were only additional data), and
// the NDJSON bulk body is a Stream that goes out as the bytes given, one article per line.
public class GeneratedClientTests(KeyedSearchApiFactory factory) : IClassFixture<KeyedSearchApiFactory>
{
    // Compiled together with the generated client, so it uses its types exactly as an integrator's code would.
    private const string Driver = """
        namespace Generated;

        using System.Linq;

        public static class Driver
        {
            public static async System.Threading.Tasks.Task<string[]> RunAsync(System.Net.Http.HttpClient http, System.IO.Stream ndjson)
            {
                var client = new GeneratedSearchClient(http);
                var lines = new System.Collections.Generic.List<string>();

                var found = await client.SearchAsync(q: "Genf Gespräche", sort: Sort.Relevance, typos: false, prefix: Prefix.None);
                lines.Add($"200 total={found.Total} first={found.Hits.First().Id}");

                try
                {
                    await client.SearchAsync(q: "Genf", size: 0);
                    lines.Add("no 400");
                }
                catch (ApiException<HttpValidationProblemDetails> e)
                {
                    lines.Add($"{e.StatusCode} code={e.Result.Code} errors={string.Join(",", e.Result.Errors.Keys)} traceId={e.Result.TraceId.StartsWith("00-")}");
                }

                try
                {
                    await client.GetArticleAsync("nope");
                    lines.Add("no 404");
                }
                catch (ApiException<ProblemDetails> e)
                {
                    lines.Add($"{e.StatusCode} code={e.Result.Code} detail={e.Result.Detail} traceId={e.Result.TraceId.StartsWith("00-")}");
                }

                var bulk = await client.PostArticlesAsync(ndjson);
                lines.Add($"200 added={bulk.Added} failed={bulk.Failed} ids={string.Join(",", bulk.Lines.Select(line => line.Id))}");
                return lines.ToArray();
            }
        }
        """;

    [Fact]
    public async Task NSwagClientFromTheLiveDocumentSearchesAndReadsProblemCodesAsTypedProperties()
    {
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSearchApiFactory.AdminKey);
        var document = await OpenApiDocument.FromJsonAsync(await http.GetStringAsync("/openapi/v1.json"));
        using var raw = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=Genf%20Gespr%C3%A4che&typos=false"));
        var total = raw.RootElement.GetProperty("total").GetInt32();
        var first = raw.RootElement.GetProperty("hits")[0].GetProperty("id").GetString();
        using var ndjson = new MemoryStream("""
            {"id":"nswag-1","title":"Fähre über den Rhein","date":"2021-03-02","body":"Die Fähre verbindet beide Ufer."}
            {"id":"nswag-2","title":"Brücke gesperrt","date":"2021-03","body":"Die Brücke bleibt bis Freitag gesperrt."}
            """u8.ToArray());

        var context = new AssemblyLoadContext("generated-client", isCollectible: true);
        try
        {
            var assembly = Compile(context, Generate(document), Driver);
            var run = assembly.GetType("Generated.Driver")!.GetMethod("RunAsync")!;
            var lines = await (Task<string[]>)run.Invoke(null, [http, ndjson])!;

            Assert.Equal([
                $"200 total={total} first={first}",
                "400 code=invalid_parameter errors=size traceId=True",
                "404 code=article_not_found detail=There is no article with id 'nope'. Ids come from the hits of /api/search. traceId=True",
                "200 added=2 failed=0 ids=nswag-1,nswag-2",
            ], lines);
            Assert.Equal(TestCorpus.SeedId, first);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Generate(OpenApiDocument document)
    {
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "GeneratedSearchClient",
            GenerateClientInterfaces = false,
            GenerateOptionalParameters = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    // Roslyn in this process, against the assemblies the test host runs on (the framework's among them).
    private static Assembly Compile(AssemblyLoadContext context, params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "GeneratedSearchClient",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return context.LoadFromStream(image);
    }
}
