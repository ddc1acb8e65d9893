using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Search.Api.Contracts;
using Search.Api.Limits;
using Search.Api.Metrics;
using Search.Api.Security;
using Search.Api.Writes;
using Search.Core.Documents;

namespace Search.Api.Endpoints;

internal static class ArticleWriteEndpoints
{
    /// <summary>The most lines one bulk request may hold.</summary>
    public const int MaxBulkLines = 10_000;

    public static RouteGroupBuilder MapArticleWrites(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<SearchLimitsOptions>>().Value;
        var writes = app.MapGroup("/api/articles").WithTags("Writes").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        writes.MapPut("/{id}", PutArticle)
            .WithName("PutArticle")
            .WithSummary("Add or replace one article")
            .WithDescription("Stores the article under the id in the URL. Durable and searchable once this returns. 201 when the id was new, 200 otherwise. " +
                "In cluster mode 202 when the cluster's log stored it but this node has not applied it yet (searchable once it has).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithBodySizeLimit(limits.MaxArticleBodyBytes);
        writes.MapDelete("/{id}", DeleteArticle)
            .WithName("DeleteArticle")
            .WithSummary("Delete one article")
            .WithDescription("204 when deleted, 404 problem details when there was no such article. " +
                "In cluster mode 202 when the cluster's log stored the delete but this node has not applied it yet.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/", PostArticles)
            .WithName("PostArticles")
            .WithSummary("Add or replace many articles (NDJSON)")
            .WithDescription(
                "The body is NDJSON (application/x-ndjson): one article per line with id, title, date, body and optionally caption, source, url. " +
                $"At most {MaxBulkLines} lines. Valid lines are stored even when others are rejected; the response has one result per line. " +
                "In cluster mode 202 when some lines are stored in the cluster's log but not yet applied on this node (result accepted).")
            // The body is read line by line, not bound: to clients it is a stream of text, not one ArticleInput.
            .Accepts<Stream>("application/x-ndjson")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithBodySizeLimit(limits.MaxBulkBodyBytes);
        return writes;
    }

    internal static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, Accepted<WriteResponse>, ValidationProblem>> PutArticle(
        IArticleWrites store,
        [Description("The article id.")] string id,
        [FromBody] ArticleInput article,
        CancellationToken cancellationToken)
    {
        var errors = article.Validate(id);
        if (article.Id is not null && article.Id != id)
        {
            errors["id"] = [$"The body's id '{article.Id}' differs from the URL's '{id}'; leave it out or make them equal."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The article is invalid.",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_article" });
        }

        var outcome = (await store.UpsertAsync([article.ToArticle(id)], cancellationToken).ConfigureAwait(false))[0];
        var response = new WriteResponse(id, SearchMetrics.Name(outcome));
        var location = $"/api/articles/{Uri.EscapeDataString(id)}";
        return outcome switch
        {
            WriteOutcome.Added => TypedResults.Created(location, response),
            WriteOutcome.Accepted => TypedResults.Accepted(location, response),
            _ => TypedResults.Ok(response),
        };
    }

    internal static async Task<Results<NoContent, Accepted, ProblemHttpResult>> DeleteArticle(
        IArticleWrites store,
        [Description("The article id.")] string id,
        CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false) switch
        {
            WriteOutcome.NotFound => ArticleEndpoints.NotFound(id),
            WriteOutcome.Accepted => TypedResults.Accepted((string?)null),
            _ => TypedResults.NoContent(),
        };

    internal static async Task<Results<Ok<BulkWriteResponse>, Accepted<BulkWriteResponse>, ValidationProblem>> PostArticles(
        IArticleWrites store,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        var lines = new List<BulkLineResult>();
        var articles = new List<(int Line, NewsArticle Article)>();
        using var reader = new StreamReader(request.Body);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (lines.Count + articles.Count >= MaxBulkLines)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["body"] = [$"A bulk request may hold at most {MaxBulkLines} articles; split it into several requests."],
                }, extensions: new Dictionary<string, object?> { ["code"] = "too_many_articles" });
            }

            var (article, error) = ParseLine(line);
            if (article is null)
            {
                lines.Add(new BulkLineResult(number, null, "error", error));
            }
            else
            {
                articles.Add((number, article));
            }
        }

        var outcomes = articles.Count == 0 ? [] : await store.UpsertAsync([.. articles.Select(item => item.Article)], cancellationToken).ConfigureAwait(false);
        lines.AddRange(articles.Select((item, i) => new BulkLineResult(item.Line, item.Article.Id, SearchMetrics.Name(outcomes[i]))));
        lines.Sort((a, b) => a.Line.CompareTo(b.Line));
        var accepted = outcomes.Count(outcome => outcome == WriteOutcome.Accepted);
        var response = new BulkWriteResponse(
            outcomes.Count(outcome => outcome == WriteOutcome.Added),
            // A line superseded by another writer's later write to the id: the id was written, the later version stands.
            outcomes.Count(outcome => outcome is WriteOutcome.Updated or WriteOutcome.Superseded),
            outcomes.Count(outcome => outcome == WriteOutcome.Unchanged),
            lines.Count(line => line.Result == "error"),
            lines,
            accepted > 0 ? accepted : null);
        return accepted > 0 ? TypedResults.Accepted((string?)null, response) : TypedResults.Ok(response);
    }

    private static (NewsArticle? Article, string? Error) ParseLine(string line)
    {
        ArticleInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ArticleInput>(line, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON: {e.Message.Split(" Path:")[0]}");
        }

        if (input is null)
        {
            return (null, "expected a JSON object with id, title, date and body");
        }

        var errors = input.Validate(input.Id ?? string.Empty);
        return errors.Count > 0
            ? (null, string.Join(" ", errors.Values.SelectMany(messages => messages)))
            : (input.ToArticle(input.Id!), null);
    }
}
