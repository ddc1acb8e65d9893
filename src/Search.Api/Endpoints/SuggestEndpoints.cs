using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Contracts;
using Search.Api.Security;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

internal static class SuggestEndpoints
{
    /// <summary>The most completions one request may ask for.</summary>
    public const int MaxSize = 20;

    /// <summary>The longest text, in characters.</summary>
    public const int MaxQueryLength = SearchRequest.MaxCompletionLength;

    public static IEndpointRouteBuilder MapSuggest(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suggest", Suggest)
            .WithName("Suggest")
            .WithTags("Search")
            .WithSummary("Complete the word being typed")
            .WithDescription(
                "Completions of the last word of q from the index's own words, for a search box: the words that start with it " +
                "(Wirec → Wirecard, Masken → Maskenpflicht), folded as the index folds (Munch and Münch, Strasse and Straße alike), " +
                "the words in the most articles first, each written as the articles write it (capitals, umlauts, ß). " +
                "The words before the last stay as typed: q=Lukaschenko%20Prot gives \"Lukaschenko Protest\". " +
                "When no word starts with a last word of 5+ letters, words that start one typo away complete it (Ministerpräsidnt → Ministerpräsidentenkonferenz). " +
                "With month, year, source, from or to, only words that articles within them have, counted and ranked within them. " +
                "q must end in the word being typed: after a space there is nothing to complete (400). " +
                "Search with the chosen text, or while typing with /api/search?prefix=last.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireReadKey();
        return app;
    }

    internal static Results<Ok<SuggestResponse>, ValidationProblem> Suggest(
        ArticleSearcher searcher,
        [FromQuery, Description("What the reader has typed so far, 1 to 100 characters, ending in the word to complete.")] string? q = null,
        [FromQuery, Description("The most completions, 1 to 20.")] int size = 8,
        [FromQuery, Description("Only words of articles from this month, YYYY-MM. Repeat for several months (any of them).")] string[]? month = null,
        [FromQuery, Description("Only words of articles from this year, YYYY. Repeat for several years (any of them).")] string[]? year = null,
        [FromQuery, Description("Only words of articles from this outlet, e.g. zeit.de. Repeat for several (any of them).")] string[]? source = null,
        [FromQuery, Description("Only words of articles published on or after this day or month, YYYY-MM-DD or YYYY-MM.")] string? from = null,
        [FromQuery, Description("Only words of articles published on or before this day or month.")] string? to = null)
    {
        var query = q ?? string.Empty;
        var request = new SearchRequest(query, month ?? [], 1, Math.Clamp(size, 1, MaxSize))
        {
            Years = year ?? [],
            Sources = source ?? [],
            From = from,
            To = to,
        };
        var errors = SearchEndpoints.ValidateFilters(request);
        if (query.Length == 0)
        {
            errors["q"] = ["q is required: what the reader has typed, ending in the word to complete, e.g. q=Wirec."];
        }
        else if (query.Length > MaxQueryLength)
        {
            errors["q"] = [$"q must be at most {MaxQueryLength} characters; it has {query.Length}."];
        }
        else if (!char.IsLetterOrDigit(query[^1]))
        {
            errors["q"] = ["q must end in the word being typed (a letter or digit), e.g. q=Wirec or q=Lukaschenko%20Prot; after a space or punctuation there is nothing to complete."];
        }

        if (size is < 1 or > MaxSize)
        {
            errors["size"] = [$"size must be between 1 and {MaxSize}; got {size}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more parameters are invalid.",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_parameter" });
        }

        var suggestions = searcher.Suggest(request);
        return TypedResults.Ok(new SuggestResponse(query, [.. suggestions.Select(suggestion => new SuggestionResponse(suggestion.Text, suggestion.Articles))]));
    }
}
